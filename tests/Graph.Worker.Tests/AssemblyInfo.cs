// Every test runs real workers, real builds and real SQLite files, and some of them time what the worker does
// (how long a file must stay still, how soon it stops): one at a time, they do not starve each other on a small
// machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
