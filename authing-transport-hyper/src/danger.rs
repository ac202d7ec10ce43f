//! [`DangerousAcceptAnyServerCert`]: the certificate "verifier" behind
//! [`danger_accept_invalid_certs`](crate::HyperTransportBuilder::danger_accept_invalid_certs).

use std::sync::Arc;

use rustls::DigitallySignedStruct;
use rustls::SignatureScheme;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

/// A rustls [`ServerCertVerifier`] that accepts every server certificate: any issuer, any
/// host name, expired or not.
///
/// **This turns off the protection TLS gives**: a machine in the middle can present its own
/// certificate, read the traffic (app secrets, passwords, tokens) and change it. It exists for
/// tests against servers with self-signed certificates and is only used when a user asks for
/// it with `danger_accept_invalid_certs(true)`.
///
/// Handshake signatures are still checked against the presented certificate with the
/// provider's algorithms, so the TLS session itself is well formed; that proves nothing about
/// who the server is.
#[derive(Debug)]
pub(crate) struct DangerousAcceptAnyServerCert {
    provider: Arc<CryptoProvider>,
}

impl DangerousAcceptAnyServerCert {
    pub(crate) fn new(provider: Arc<CryptoProvider>) -> Self {
        Self { provider }
    }
}

impl ServerCertVerifier for DangerousAcceptAnyServerCert {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
