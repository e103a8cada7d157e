//! `hoinghi`: the native extractor. `main` maps `run`'s result to an exit status.

mod args;
mod extract;
mod merge;

use std::process::ExitCode;

use args::Command;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = match args::parse(&argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hoinghi: {e}");
            return ExitCode::from(2);
        }
    };
    let outcome = match command {
        Command::Help => {
            print!("{}", args::HELP);
            Ok(true)
        }
        Command::Version => {
            println!("hoinghi {}", env!("CARGO_PKG_VERSION"));
            Ok(true)
        }
        Command::Extract(options) => extract::run(&options),
        Command::Merge { format, inputs } => merge::run(format, &inputs),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("hoinghi: {e}");
            ExitCode::from(1)
        }
    }
}
