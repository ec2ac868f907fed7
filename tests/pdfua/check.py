"""Checks PDFs against PDF/UA-1 with `page` (PyPI page-validation) and prints every failed rule.

Usage: check.py FILE.pdf...   Exits 1 if any file fails a rule.
"""
import sys

import page


def main(paths):
    failed = False
    for path in paths:
        report = page.validate_pdf(path, profile="ua1")
        rules = report.rules
        print(f"{path}: {rules.failed} of {rules.total} PDF/UA-1 rules fail")
        seen = set()
        for failure in report.failures:
            if (failure.rule_id, failure.message) in seen:
                continue
            seen.add((failure.rule_id, failure.message))
            print(f"  {failure.rule_id}: {failure.message}")
        failed |= not report.is_compliant
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
