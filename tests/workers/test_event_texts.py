"""Every event the domains emit reads as words in both languages, names its codes, and links to where to act."""

import pytest

from backend.deals import events as deal_events
from backend.notifications.channels import templates
from backend.notifications.enums import Event
from backend.policy import applications, payouts

SUBSIDY_PAID = payouts.EVENT

# A realistic payload per event, as its domain emits it.
PAYLOADS: dict[str, dict[str, object]] = {
    Event.listing_approved: {"kind": "need", "listing_id": 3, "title": "节能改造"},
    Event.listing_rejected: {"kind": "output", "listing_id": 3, "title": "A", "reason": "缺少专利号"},
    Event.listing_revision_requested: {"kind": "output", "listing_id": 3, "title": "A", "reason": "补充"},
    Event.listing_expiring: {"kind": "output", "listing_id": 3, "title": "A", "expires_on": "2026-12-01"},
    Event.listing_expired: {"kind": "output", "listing_id": 3, "title": "A"},
    Event.match_new: {"kind": "need", "listing_id": 4, "title": "B", "score": "62%", "need_id": 4, "output_id": 9},
    Event.search_match: {"kind": "output", "listing_id": 9, "title": "C", "search_id": 1, "search_name": "石墨烯"},
    Event.digest: {"day": "2026-11-27", "items": []},
    deal_events.INTEREST_RECEIVED: {"interest_id": 5, "title": "D", "sender_org_id": 2},
    deal_events.INTEREST_DECIDED: {"interest_id": 5, "title": "D", "decision": "declined", "reason_code": "price"},
    deal_events.DEAL_OPENED: {"deal_id": 8, "title": "E", "stage": "interest"},
    deal_events.DEAL_STAGE_CHANGED: {"deal_id": 8, "title": "E", "stage": "registered", "previous_stage": "contract_signed"},
    deal_events.DEAL_PAYMENT_RECORDED: {"deal_id": 8, "title": "E", "stage": "paid", "amount": "50000.00", "paid_total": "100000.00"},
    deal_events.DEAL_AGENT_ENGAGED: {"deal_id": 8, "title": "E", "stage": "negotiating", "agent_id": 3, "agent_name": "李经纪"},
    applications.EVENT: {"application_id": 2, "deal_id": 8, "rule_set": "gx-2024", "status": "approved", "reason": None},
    SUBSIDY_PAID: {
        "application_id": 2, "deal_id": 8, "rule_set": "gx-2024", "amount": "30000.00",
        "paid_total": "30000.00", "granted": "60000.00", "paid_on": "2026-11-20",
    },
}  # fmt: skip


@pytest.mark.parametrize("event", sorted(PAYLOADS))
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_event_has_its_own_text(event: str, locale: str) -> None:
    assert event in templates.TEXTS, "would fall back to the generic text"
    subject, body = templates.headline(event, PAYLOADS[event], locale)
    assert "{" not in subject + body and "}" not in subject + body
    if locale == "en":
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in subject.replace("节能改造", "").replace("石墨烯", ""))


def test_every_event_enum_value_is_covered() -> None:
    assert {e.value for e in Event} <= set(PAYLOADS)


def test_codes_are_named_in_the_readers_language() -> None:
    stage = PAYLOADS[deal_events.DEAL_STAGE_CHANGED]
    assert templates.headline(deal_events.DEAL_STAGE_CHANGED, stage, "zh-CN") == (
        "交易进展：E 进入“已登记”",
        "交易《E》已从“已签合同”进入“已登记”。",
    )
    assert templates.headline(deal_events.DEAL_STAGE_CHANGED, stage, "en")[0] == "Deal moved to registered: E"
    declined = PAYLOADS[deal_events.INTEREST_DECIDED]
    assert templates.headline(deal_events.INTEREST_DECIDED, declined, "en") == (
        "Your interest was declined: D",
        'Your interest in "D" was declined.\nReason: price',
    )
    assert "原因：价格不合适" in templates.headline(deal_events.INTEREST_DECIDED, declined, "zh-CN")[1]
    approved = PAYLOADS[applications.EVENT]
    assert templates.headline(applications.EVENT, approved, "zh-CN") == (
        "补助申请已批准",
        "您的补助申请（gx-2024）状态：已批准。",
    )


def test_links_lead_to_where_the_reader_acts() -> None:
    base = "https://tm.example/"
    assert templates.link(PAYLOADS[deal_events.DEAL_PAYMENT_RECORDED], base) == "https://tm.example/deals/8"
    assert templates.link(PAYLOADS[SUBSIDY_PAID], base) == "https://tm.example/deals/8"
    assert templates.link(PAYLOADS[deal_events.INTEREST_RECEIVED], base) == "https://tm.example/interests"
    assert templates.link(PAYLOADS[Event.search_match], base) == "https://tm.example/outputs/9"
    assert templates.link({"day": "2026-11-27"}, base) is None
