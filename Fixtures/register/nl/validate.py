#!/usr/bin/env python3
"""Validate Dutch register records (register-nl.json) against the Algoritmeregister's
published JSON Schema (publication standard 1.0.0, committed beside this script), with
format checks. Needs the `jsonschema` package. Exits 1 if any record is invalid.

    python3 Fixtures/register/nl/validate.py vigie-report/register-nl.json
"""
import json
import pathlib
import sys

import jsonschema

SCHEMA = pathlib.Path(__file__).with_name("algoritmeregister-publicatiestandaard-v1.0.0.schema.json")


def main(paths):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    failed = False
    for path in paths:
        record = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.path)) or '(top level)'}: {error.message}")
        if errors:
            failed = True
        else:
            print(f"{path}: valid against {schema['title']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
