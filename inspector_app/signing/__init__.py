"""Signatures: inspector key pairs and certificates, record signatures, QR summaries, PAdES.

ECDSA P-256 throughout (ordinary PDF readers validate it). Private keys exist in clear only in
memory, after the inspector types the passphrase; nothing here touches the network.
"""
