"""Contact officers: loading and checking, from one YAML file (render/marker_text.py writes them out)."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
import yaml
from email_validator import EmailNotValidError, validate_email

from committee_paper.model.problems import Problem
from committee_paper.model.sources import digits

CONTACTS_FILE = "contacts.yml"  # under docs/
FIELDS = ("name", "role", "organisation", "directorate", "phone", "email")
# Only the name is required: the rest is shown, and checked, when the paper gives it.
REQUIRED = "a name (role, organisation, directorate, phone and email as the paper gives them)"
UK_DIGITS = 10  # after the leading 0: the length of every UK number but a few short local ones
# Neutral examples for messages: phonenumbers' own example UK numbers, and a placeholder address.
EXAMPLE_NUMBERS = (
    phonenumbers.example_number_for_type("GB", kind)
    for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
)
PHONE_EXAMPLES = " or ".join(
    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    for number in EXAMPLE_NUMBERS
    if number is not None  # phonenumbers has an example of each kind for GB; its type allows none
)
EMAIL_EXAMPLE = "name@example.gov.uk"


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    organisation: str
    directorate: str
    phone: str
    email: str
    line: int

    @property
    def tel_uri(self) -> str | None:
        """The number to dial, or None when it is not a number (check_contacts reports it)."""
        try:
            number = phonenumbers.parse(self.phone, "GB")
        except phonenumbers.NumberParseException:
            return None
        return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @property
    def digits(self) -> str:
        return digits(self.phone)


def _line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_contacts(text: str, path: str) -> tuple[list[Contact], list[Problem]]:
    """Parse the contacts file; every field is required and kept as text."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [
            Problem(
                path, line, f"is not valid YAML ({getattr(error, 'problem', error)}); fix the indentation or quoting"
            )
        ]
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(path, 1, "must be a list of contacts, each starting with '- name:'")]
    contacts: list[Contact] = []
    problems: list[Problem] = []
    for item in root.value:
        line = _line_of(item)
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                Problem(
                    path,
                    line,
                    "each contact must be a mapping of name, role, organisation, directorate, phone and email",
                )
            )
            continue
        values = {key.value: value.value for key, value in item.value if isinstance(value, yaml.ScalarNode)}
        if not str(values.get("name", "")).strip():
            problems.append(Problem(path, line, f"a contact has no name; every contact needs {REQUIRED}"))
            continue
        contacts.append(Contact(**{field: str(values.get(field, "")).strip() for field in FIELDS}, line=line))
    return contacts, problems


def check_contacts(contacts: list[Contact], path: str) -> list[Problem]:
    problems: list[Problem] = []
    seen_names: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    for contact in contacts:
        problems += _check_phone(contact, path) if contact.phone else []
        problems += _check_email(contact, path) if contact.email else []
        for key, seen, what in ((contact.name, seen_names, "name"), (contact.email.lower(), seen_emails, "email")):
            if key and key in seen:
                problems.append(
                    Problem(
                        path,
                        contact.line,
                        f"{contact.name}: {what} '{key}' is already used by the contact on line {seen[key]}; each "
                        "contact needs their own",
                    )
                )
            seen.setdefault(key, contact.line)
    return problems


def _check_phone(contact: Contact, path: str) -> list[Problem]:
    try:
        number = phonenumbers.parse(contact.phone, "GB")
    except phonenumbers.NumberParseException:
        number = None
    said = f"{contact.name}: phone '{contact.phone}'"
    if number is not None and number.country_code != 44:
        wrong = (
            f"is not a UK number (it dials country code +{number.country_code}); write the UK number the paper gives"
        )
        return [Problem(path, contact.line, f"{said} {wrong}")]
    if number is None or not phonenumbers.is_valid_number(number) and len(str(number.national_number)) != UK_DIGITS:
        wrong = f"is not a valid UK number; write the full number with its area code, as in {PHONE_EXAMPLES}"
        return [Problem(path, contact.line, f"{said} {wrong}")]
    if not phonenumbers.is_valid_number(number):
        # Well formed (the length of UK numbers) but in a range not allocated: most likely a mistyped digit.
        wrong = (
            "has the right number of digits but is in a range no UK telephone number is allocated from; "
            "check its digits against the paper as received"
        )
        return [Problem(path, contact.line, f"{said} {wrong}")]
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if contact.phone != shown:
        return [
            Problem(
                path,
                contact.line,
                f"{contact.name}: phone '{contact.phone}' is not in GOV.UK style; write it as '{shown}'",
            )
        ]
    return []


def _check_email(contact: Contact, path: str) -> list[Problem]:
    try:
        validate_email(contact.email, check_deliverability=False)
    except EmailNotValidError as error:
        return [
            Problem(
                path,
                contact.line,
                f"{contact.name}: email '{contact.email}' is not valid ({error}); write the full address, as in "
                f"{EMAIL_EXAMPLE}",
            )
        ]
    return []
