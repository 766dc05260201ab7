import { Command } from "commander";
import { VERSION } from "../server/version.js";

const program = new Command();
program.name("luoshi").description("Luoshi 落实: from what meetings decide to work that is done").version(VERSION);

const fail = async (e: unknown) => {
  const { describeError } = await import("./describe-error.js");
  process.stderr.write(`luoshi: ${describeError(e)}\n`);
  process.exit(1);
};

program
  .command("serve")
  .description("serve the web app and the API")
  .option("-p, --port <port>", "port to listen on (PORT, default 3000)")
  .option("--host <host>", "address to listen on (HOST, default 0.0.0.0)")
  .option("-d, --data <dir>", "data folder of the embedded database (LUOSHI_DATA, default ./data)")
  .action(async (opts) => (await import("./serve.js")).serve(opts).catch(fail));

program
  .command("start")
  .description("build the web app if needed, then serve (what `npm start` runs)")
  .option("-p, --port <port>")
  .option("-d, --data <dir>")
  .action(async (opts) => {
    try {
      await (await import("./build-web.js")).ensureWebBuilt();
      await (await import("./serve.js")).serve(opts);
    } catch (e) {
      fail(e);
    }
  });

const user = program.command("user").description("manage user accounts");
user
  .command("add")
  .description("add a user account")
  .requiredOption("-u, --username <username>")
  .requiredOption("-n, --name <displayName>")
  .requiredOption("--unit <unit>", "unit code or id")
  .option("-r, --role <role...>", "roles: admin coordinator leader reporter viewer", ["viewer"])
  .option("--password <password>", "initial password (default: a random one, printed)")
  .option("--locale <locale>", "zh-CN or en", "zh-CN")
  .option("-d, --data <dir>")
  .action(async (opts) => (await import("./user-add.js")).userAdd(opts).catch(fail));

program
  .command("backup <file>")
  .description("write every table to FILE (gzip'd JSON lines)")
  .option("-d, --data <dir>")
  .action(async (file, opts) => (await import("./backup.js")).backupCommand(file, opts).catch(fail));

program
  .command("restore <file>")
  .description("replace every table with the contents of a backup FILE")
  .option("-d, --data <dir>")
  .option("-y, --yes", "do not ask for confirmation")
  .action(async (file, opts) => (await import("./backup.js")).restoreCommand(file, opts).catch(fail));

program
  .command("extract <files...>")
  .description("read meeting reports (.txt, .html, .docx) and print what they decide; no database")
  .option("--json", "print a JSON array, one object per file")
  .action(async (files, opts) => (await import("./extract.js")).extractCommand(files, opts).catch(fail));

program
  .command("import <files...>")
  .description("read meeting reports (.txt, .html, .docx) into meetings with draft directives")
  .option("--unit <code>", "the unit the meetings are registered under (default: the first admin's)")
  .option("-d, --data <dir>")
  .action(async (files, opts) => (await import("./import.js")).importCommand(files, opts).catch(fail));

program
  .command("demo")
  .description("add a generated jurisdiction to the demo: a city's worth of data, a province's, or N cities'")
  .requiredOption("--scale <scale>", "city, province, or a multiple of a city (province = 100)")
  .option("--seed <seed>", "the seed every generated row is drawn from")
  .option("-d, --data <dir>")
  .action(async (opts) => (await import("./demo.js")).demoCommand(opts).catch(fail));

program
  .command("supervise")
  .description("run one supervision pass now: reminders, urge and supervision notices, scheduled bulletins")
  .option("--date <YYYY-MM-DD>", "the day to run it for (default: today)")
  .option("--deliver", "then send the e-mails and robot messages that are due")
  .option("-d, --data <dir>")
  .action(async (opts) => (await import("./supervise.js")).superviseCommand(opts).catch(fail));

await program.parseAsync(process.argv);
