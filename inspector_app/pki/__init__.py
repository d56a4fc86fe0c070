"""The offline PKI rooted at the office (spec/office.md, "Who signs what").

`certs`: the office root, enrolment requests (PKCS#10) and the certificates the root issues.
`trustlist`: the signed list of issued certificates and revocations the office hands laptops.
`trust`: the one verification source — does a signer's key chain to the office root, and was it
revoked at the signing time? Nothing here reads a table of "trusted" certificates: trust comes from
signatures that chain to the pinned root, never from rows anyone could insert.
"""
