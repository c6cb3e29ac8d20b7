using Partnership.Admin;

// partnership-admin errors list   --queue <queue> [--amqp <uri>]
// partnership-admin errors replay --queue <queue> [--amqp <uri>] [--message-id <id>]... [--fault-contains <text>]
// The broker defaults to ConnectionStrings__messaging, the variable the services themselves read.
return await AdminCommand.RunAsync(args, Console.Out, Console.Error);
