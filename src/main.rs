//! The `casebook` binary: the window, or a command-line tool (see `casebook --help`).

fn main() -> std::process::ExitCode {
    casebook::cli::main()
}
