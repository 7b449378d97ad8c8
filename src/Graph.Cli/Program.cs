using Graph.Cli;

return args switch
{
    [] => Usage.Fail("no command given; the command is 'extract'"),
    ["-h" or "--help" or "help", ..] => Usage.Print(Console.Out, 0),
    ["extract", .. var rest] => ExtractCommand.Run(rest, Console.OpenStandardOutput(), Console.Error),
    [var command, ..] => Usage.Fail($"unknown command '{command}'"),
};
