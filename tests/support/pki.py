"""Certificates made in the test (trustme): a CA, a server certificate for 127.0.0.1, a client certificate.

Nothing is committed and nothing is printed: the files go to a temporary folder of the test run.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme

__all__ = ["Pki", "make_pki"]


@dataclass(frozen=True)
class Pki:
    ca: Path  # the CA that issued the server's certificate
    other_ca: Path  # a CA that issued nothing the server serves
    client_pem: Path  # a client certificate and its key, in one file
    client_cert: Path
    client_key: Path
    server: trustme.LeafCert
    client_ca: trustme.CA

    def server_context(self, *, require_client_cert: bool = False) -> ssl.SSLContext:
        """A server-side context with the certificate for 127.0.0.1; requiring a client certificate
        issued by ``client_ca`` when asked."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.server.configure_cert(context)
        if require_client_cert:
            self.client_ca.configure_trust(context)
            context.verify_mode = ssl.CERT_REQUIRED
        return context

    def client_context(self) -> ssl.SSLContext:
        """A client-side context that trusts ``ca`` alone."""
        return ssl.create_default_context(cafile=str(self.ca))


def make_pki(folder: Path) -> Pki:
    """New CAs and certificates, written to ``folder``."""
    ca, other, client_ca = trustme.CA(), trustme.CA(), trustme.CA()
    ca.cert_pem.write_to_path(folder / "ca.pem")
    other.cert_pem.write_to_path(folder / "other-ca.pem")
    client = client_ca.issue_cert("client.foas.test")
    client.private_key_and_cert_chain_pem.write_to_path(folder / "client.pem")
    client.cert_chain_pems[0].write_to_path(folder / "client-cert.pem")
    client.private_key_pem.write_to_path(folder / "client-key.pem")
    return Pki(
        ca=folder / "ca.pem",
        other_ca=folder / "other-ca.pem",
        client_pem=folder / "client.pem",
        client_cert=folder / "client-cert.pem",
        client_key=folder / "client-key.pem",
        server=ca.issue_cert("127.0.0.1"),
        client_ca=client_ca,
    )
