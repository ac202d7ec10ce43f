//! `authing-mock serve --port N`: a fake Authing on a local port, for clients in any
//! language. It prints the credentials of the pool and application it made (secrets
//! included: that is its purpose) and runs until Ctrl-C.
//!
//! Its test-only endpoints (`/__authing_mock/...`) answer only clients on loopback unless it
//! runs with `--remote-control` and an admin token (`--admin-token` or the
//! `AUTHING_MOCK_ADMIN_TOKEN` variable) that other clients send in the
//! `x-authing-mock-admin-token` header.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use authing_core::Secret;
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
        /// the built-in public test key.
        #[arg(long, value_name = "FILE", conflicts_with = "generate_key")]
        private_key: Option<PathBuf>,
        /// Generate a fresh RSA key instead of using the built-in public test key.
        #[arg(long)]
        generate_key: bool,
        /// Print the credentials as one line of JSON instead of text.
        #[arg(long)]
        json: bool,
        /// How many requests the journal keeps (the last N).
        #[arg(long, value_name = "N", default_value_t = 1000)]
        journal_capacity: usize,
        /// How many connections may be open at once.
        #[arg(long, value_name = "N", default_value_t = 1024)]
        max_connections: usize,
        /// Seconds a connection may take to send a request head, or sit idle between
        /// requests, before it is closed.
        #[arg(long, value_name = "SECONDS", default_value_t = 10)]
        header_read_timeout: u64,
        /// Open the test-only endpoints to clients that are not on loopback, when they send
        /// the admin token in the `x-authing-mock-admin-token` header.
        #[arg(long, requires = "admin_token")]
        remote_control: bool,
        /// The admin token of --remote-control.
        #[arg(
            long,
            value_name = "TOKEN",
            env = "AUTHING_MOCK_ADMIN_TOKEN",
            hide_env_values = true
        )]
        admin_token: Option<Secret>,
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
        generate_key,
        json,
        journal_capacity,
        max_connections,
        header_read_timeout,
        remote_control,
        admin_token,
    } = cli.command;
    let mut builder = MockAuthing::builder()
        .journal_capacity(journal_capacity)
        .max_connections(max_connections)
        .header_read_timeout(Duration::from_secs(header_read_timeout));
    if let Some(path) = private_key {
        let pem = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        builder = builder.private_key_pem(pem);
    }
    if generate_key {
        builder = builder.generate_key();
    }
    match admin_token.filter(|token| !token.expose().is_empty()) {
        Some(token) if remote_control => builder = builder.remote_control(token),
        None if remote_control => {
            return Err("--remote-control needs a non-empty admin token".into());
        }
        _ => {}
    }
    if !remote_control && !is_loopback(&bind) {
        eprintln!(
            "authing-mock: warning: listening on {bind}, which other machines can reach; the \
             test-only endpoints stay closed to them (use --remote-control with an admin token \
             to open them)"
        );
    }
    let mock = builder.build()?;
    let server = mock.serve((bind.as_str(), port)).await?;
    print_credentials(&server, json);
    tokio::signal::ctrl_c().await?;
    server.shutdown().await;
    Ok(())
}

/// Whether `bind` (an IP address or `localhost`) is a loopback address.
fn is_loopback(bind: &str) -> bool {
    bind.eq_ignore_ascii_case("localhost")
        || bind
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_loopback_binds() {
        for bind in [
            "127.0.0.1",
            "127.0.0.2",
            "::1",
            "localhost",
            "LOCALHOST",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_loopback(bind), "{bind}");
        }
        for bind in ["0.0.0.0", "::", "10.0.0.1", "192.168.1.2", "example.com"] {
            assert!(!is_loopback(bind), "{bind}");
        }
    }

    #[test]
    fn remote_control_takes_an_admin_token() {
        let parsed = Cli::try_parse_from([
            "authing-mock",
            "serve",
            "--remote-control",
            "--admin-token",
            "t",
        ])
        .expect("parses");
        let debug = format!("{parsed:?}");
        assert!(!debug.contains("\"t\""), "{debug}");
        let Command::Serve {
            remote_control,
            admin_token,
            ..
        } = parsed.command;
        assert!(remote_control);
        assert_eq!(admin_token.as_ref().map(Secret::expose), Some("t"));
    }
}
