using Graph.Cli;

return args.Length == 0 || args[0] is "-h" or "--help" or "help"
    ? Usage.Print(Console.Out, 0)
    : args[0] switch
    {
        "extract" => ExtractCommand.Run(args[1..], Console.OpenStandardOutput(), Console.Error),
        _ => Usage.Fail($"unknown command '{args[0]}'"),
    };
