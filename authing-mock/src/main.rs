//! `authing-mock serve --port N`: a fake Authing on a local port, for clients in any
//! language. It prints the credentials of the pool and application it made (secrets
//! included: that is its purpose) and runs until Ctrl-C.

use std::path::PathBuf;
use std::process::ExitCode;

use authing_mock::{MockAuthing, MockServer};
use clap::{Parser, Subcommand};

/// A fake Authing for tests.
#[derive(Debug, Parser)]
#[command(name = "authing-mock", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the fake over HTTP and print its credentials.
    Serve {
        /// The port to listen on (0: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The address to bind.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// An RSA private key (PEM, PKCS#8 or PKCS#1) to decrypt passwords with, instead of
        /// a freshly generated one.
        #[arg(long, value_name = "FILE")]
        private_key: Option<PathBuf>,
        /// Print the credentials as one line of JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("authing-mock: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("authing-mock: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let Command::Serve {
        port,
        bind,
        private_key,
        json,
    } = cli.command;
    let mock = match private_key {
        Some(path) => {
            let pem = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            MockAuthing::builder().private_key_pem(pem).build()?
        }
        None => MockAuthing::new(),
    };
    let server = mock.serve((bind.as_str(), port)).await?;
    print_credentials(&server, json);
    tokio::signal::ctrl_c().await?;
    server.shutdown().await;
    Ok(())
}

fn print_credentials(server: &MockServer, json: bool) {
    let pool = server.pool();
    if json {
        let mut object = pool.to_json();
        object["url"] = serde_json::Value::String(server.url().to_owned());
        println!("{object}");
        return;
    }
    println!("authing-mock listening on {}", server.url());
    println!();
    println!("user pool id: {}", pool.user_pool_id);
    println!("secret:       {}", pool.secret.expose());
    println!("app id:       {}", pool.app_id);
    println!("app secret:   {}", pool.app_secret.expose());
    println!("host:         {}", pool.host);
    println!("app host:     {}", pool.app_host);
    println!("public key (encrypt passwords with it):");
    println!("{}", pool.public_key_pem.trim_end());
    println!();
    println!(
        "test-only endpoints under {}/__authing_mock/ ; Ctrl-C to stop",
        server.url()
    );
}
