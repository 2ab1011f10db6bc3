"""The contract and its registration (技术合同认定登记): the figures subsidies, rewards and taxes use."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, InvalidState, NotFound, Unprocessable
from backend.deals import access, pipeline
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Registration, jsonable
from backend.deals.schemas import ContractIn, RegistrationIn
from backend.deals.stages import CONTRACT_EDITABLE, REGISTRATION_EDITABLE


def _invalid(field: str, msg: str, code: str = "validation_error") -> Unprocessable:
    return Unprocessable(
        f"{field}: {msg}", code=code, details=[{"loc": ["body", field], "msg": msg, "type": "value_error"}]
    )


def _check_version(row: Contract | Registration | None, version: int | None, what: str) -> None:
    if row is not None and version != row.version:
        raise Conflict(
            f"The {what} changed since you read it (now version {row.version}, yours {version}); reload it",
            code="stale_version",
        )


def _apply(row: Any, values: dict[str, Any]) -> dict[str, Any]:
    changes = {}
    for key, value in values.items():
        old = getattr(row, key, None)
        if old != value:
            changes[key] = [jsonable(old), jsonable(value)]
            setattr(row, key, value)
    return changes


def get_contract(session: Session, deal: Deal) -> Contract | None:
    return session.scalar(select(Contract).where(Contract.deal_id == deal.id))


def require_contract(session: Session, deal: Deal) -> Contract:
    contract = get_contract(session, deal)
    if contract is None:
        raise NotFound("This deal has no contract yet")
    return contract


def put_contract(session: Session, *, actor: User, deal: Deal, data: ContractIn) -> Contract:
    access.require_actor(actor, deal)
    if deal.stage not in CONTRACT_EDITABLE:
        raise InvalidState(
            f"The contract of a deal at stage {deal.stage} is fixed (it was registered)", code="contract_locked"
        )
    contract = get_contract(session, deal)
    _check_version(contract, data.version, "contract")
    if data.total <= 0:
        raise _invalid("total", "a contract total must be above zero")
    if data.non_technical_costs > data.total:
        raise _invalid("non_technical_costs", "non-technical costs cannot exceed the contract total")
    paid = pipeline.paid_total(session, deal.id)
    if data.total < paid:
        raise _invalid("total", f"{paid:.2f} has been paid already; the total cannot be less")
    if deal.stage == Stage.contract_signed and data.signed_on is None:
        raise _invalid("signed_on", "the deal is at contract_signed: the signing date stays")
    values = data.model_dump(exclude={"version"})
    values["technology_amount"] = data.total - data.non_technical_costs
    if contract is None:
        contract = Contract(deal_id=deal.id)
        session.add(contract)
    changes = _apply(contract, values)
    session.flush()
    if changes:
        audit.record(
            session, actor_id=actor.id, entity_type="deal", entity_id=deal.id, action="contract", changes=changes
        )
    return contract


def get_registration(session: Session, deal: Deal) -> Registration | None:
    return session.scalar(select(Registration).where(Registration.deal_id == deal.id))


def put_registration(session: Session, *, actor: User, deal: Deal, data: RegistrationIn) -> Registration:
    access.require_actor(actor, deal)
    if deal.stage not in REGISTRATION_EDITABLE:
        raise InvalidState(
            f"A registration is recorded at stage contract_signed or registered (this deal is {deal.stage})",
            code="registration_not_open",
        )
    contract = require_contract(session, deal)
    registration = get_registration(session, deal)
    _check_version(registration, data.version, "registration")
    if contract.signed_on is not None and data.registered_on < contract.signed_on:
        raise _invalid("registered_on", "a contract is registered after it is signed")
    if data.approved_income > contract.technology_amount:
        raise _invalid(
            "approved_income",
            f"the approved technology income cannot exceed the technology transaction amount "
            f"({contract.technology_amount:.2f})",
        )
    if registration is None:
        registration = Registration(deal_id=deal.id)
        session.add(registration)
    changes = _apply(registration, data.model_dump(exclude={"version"}))
    session.flush()
    if changes:
        audit.record(
            session, actor_id=actor.id, entity_type="deal", entity_id=deal.id, action="registration", changes=changes
        )
    return registration
