"""HTTP routes of a deal's figures: contract, registration, payments, income split, commission, tax, reports."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, Forbidden, NotFound
from backend.core.money import Money
from backend.core.params import IdPath
from backend.deals import access, contract, ledger, payments, reports, split, tax
from backend.deals.enums import CommissionKind, Stage
from backend.deals.schemas import (
    CommissionIn,
    ContractIn,
    ContractOut,
    PaymentIn,
    PaymentOut,
    PaymentsOut,
    RegistrationIn,
    RegistrationOut,
    SalesReportIn,
    SalesReportOut,
)
from backend.deals.statements import CommissionOut, LedgerEntryOut, SplitOut, TaxOut

router = APIRouter(prefix="/deals/{deal_id}", tags=["deals"], responses=ERROR_RESPONSES)


@router.put("/contract", operation_id="putDealContract")
def put_contract(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: ContractIn) -> ContractOut:
    """Record or change the contract until it is registered; send the version you read to change one."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    row = contract.put_contract(session, actor=user, deal=deal, data=data)
    return ContractOut.model_validate(row)


@router.get("/contract", operation_id="getDealContract")
def get_contract(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> ContractOut:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    return ContractOut.model_validate(contract.require_contract(session, deal))


@router.put("/registration", operation_id="putDealRegistration")
def put_registration(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: RegistrationIn) -> RegistrationOut:
    """技术合同认定登记: the certificate's number, office, date and approved technology income."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    return RegistrationOut.model_validate(contract.put_registration(session, actor=user, deal=deal, data=data))


@router.get("/registration", operation_id="getDealRegistration")
def get_registration(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> RegistrationOut:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    row = contract.get_registration(session, deal)
    if row is None:
        raise NotFound("This deal has no registration yet")
    return RegistrationOut.model_validate(row)


def _payments(session: SessionDep, deal_id: int, user: CurrentUser) -> PaymentsOut:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    paid, total = payments.totals(session, deal)
    return PaymentsOut(
        items=[PaymentOut.model_validate(p) for p in payments.list_payments(session, deal)],
        paid_total=paid,
        contract_total=total,
        outstanding=None if total is None else total - paid,
        stage=Stage(deal.stage),
    )


@router.post("/payments", status_code=status.HTTP_201_CREATED, operation_id="recordDealPayment")
def record_payment(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: PaymentIn) -> PaymentsOut:
    """An instalment; the paid total may not exceed the contract total, the completing one settles the deal."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    payments.record(session, actor=user, deal=deal, data=data)
    return _payments(session, deal_id, user)


@router.get("/payments", operation_id="listDealPayments")
def list_payments(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> PaymentsOut:
    return _payments(session, deal_id, user)


@router.get("/income-split", operation_id="dealIncomeSplit")
def income_split(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> SplitOut:
    """The research team's and the institution's shares of the net income received so far (seller and staff)."""
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    if not (access.is_staff(user) or user.organisation_id == deal.seller_org_id):
        raise Forbidden("The income split is the selling institution's statement", code="seller_only")
    s = split.statement(session, deal=deal)
    return SplitOut(deal_id=deal.id, **vars(s))


def _commission(session: SessionDep, deal_id: int, user: CurrentUser) -> CommissionOut:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    row = ledger.get(session, deal)
    if row is None:
        raise NotFound("No commission terms on this deal yet")
    return CommissionOut(
        deal_id=deal.id,
        kind=CommissionKind(row.kind),
        rate=row.rate_percent,
        amount=row.fixed_amount,
        earned=ledger.earned(session, deal),
    )


@router.put("/commission", operation_id="putDealCommission")
def put_commission(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: CommissionIn) -> CommissionOut:
    """The agent's terms: a percentage of each payment, or a fixed amount earned pro rata as the contract is paid."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    ledger.set_terms(session, actor=user, deal=deal, data=data)
    return _commission(session, deal_id, user)


@router.get("/commission", operation_id="getDealCommission")
def get_commission(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> CommissionOut:
    return _commission(session, deal_id, user)


@router.get("/commission/entries", operation_id="listDealCommissionEntries")
def commission_entries(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> list[LedgerEntryOut]:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    return [LedgerEntryOut.model_validate(e) for e in ledger.entries(session, deal)]


@router.get("/tax-estimate", operation_id="dealTaxEstimate")
def tax_estimate(
    session: SessionDep,
    user: CurrentUser,
    deal_id: IdPath,
    other_income_this_year: Annotated[
        Money | None, Query(description="The seller's other qualifying technology-transfer income this tax year")
    ] = None,
) -> TaxOut:
    """VAT and income-tax benefits of the registered contract, for the seller: an estimate, not advice."""
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    result = tax.estimate(session, deal=deal, other_income_this_year=other_income_this_year or tax.ZERO)
    return TaxOut(deal_id=deal.id, disclaimer_zh=tax.DISCLAIMER_ZH, disclaimer_en=tax.DISCLAIMER_EN, **vars(result))


@router.post(
    "/sales-reports",
    operation_id="putDealSalesReport",
    status_code=status.HTTP_200_OK,
    responses={201: {"model": SalesReportOut, "description": "The year's first report"}},
)
def put_sales_report(
    session: SessionDep, user: CurrentUser, deal_id: IdPath, data: SalesReportIn, response: Response
) -> SalesReportOut:
    """The buyer's new sales revenue from the result for a year; sending a year again replaces it (audited)."""
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    row, created = reports.put(session, actor=user, deal=deal, data=data)
    if created:
        response.status_code = status.HTTP_201_CREATED
    return SalesReportOut.model_validate(row)


@router.get("/sales-reports", operation_id="listDealSalesReports")
def list_sales_reports(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> list[SalesReportOut]:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    return [SalesReportOut.model_validate(r) for r in reports.list_reports(session, deal)]
