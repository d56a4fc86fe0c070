"""`inspector-app keys request`: the enrolment request (PKCS#10) of a laptop's key for the office."""

from __future__ import annotations

import argparse
import sys

from inspector_app.commands.common import emit, fail, fail_validation, open_existing, passphrase, write_file


def cmd_request(args: argparse.Namespace) -> int:
    from inspector_app.services import ValidationFailed
    from inspector_app.signing.keys import WrongPassphrase

    if not args.output:
        return fail("-o", "required")
    with open_existing(args) as services:
        try:
            pem = services.keys.request(passphrase(), name=args.name)
        except WrongPassphrase:
            return fail("passphrase", "wrong_passphrase")
        except ValidationFailed as exc:
            return fail_validation(exc)
        device = services.device_id
    if str(args.output) == "-":
        sys.stdout.write(pem)
        return 0
    write_file(args.output, pem.encode("ascii"))
    if getattr(args, "json", False):
        emit({"request": str(args.output), "device_id": device})
    else:
        print(f"{args.output}  (device {device})")
    return 0
