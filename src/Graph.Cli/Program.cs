using Graph.Cli;

var stdout = Console.OpenStandardOutput();
return args switch
{
    [] => Usage.Fail("no command given; run 'graph --help' for the list"),
    ["-h" or "--help" or "help", ..] => Usage.Print(Console.Out, 0),
    ["extract", .. var rest] => ExtractCommand.Run(rest, stdout, Console.Error),
    ["build", .. var rest] => await BuildCommand.RunAsync(rest, Console.Out, Console.Error),
    ["precedents", .. var rest] => await QueryCommands.PrecedentsAsync(rest, stdout, Console.Error),
    ["cites", .. var rest] => await QueryCommands.CitesAsync(rest, stdout, Console.Error),
    ["cited-by", .. var rest] => await QueryCommands.CitedByAsync(rest, stdout, Console.Error),
    ["show", .. var rest] => await QueryCommands.ShowAsync(rest, stdout, Console.Error),
    ["stats", .. var rest] => await QueryCommands.StatsAsync(rest, stdout, Console.Error),
    ["export", .. var rest] => await ExportCommand.RunAsync(rest, Console.Out, Console.Error),
    [var command, ..] => Usage.Fail($"unknown command '{command}'"),
};
