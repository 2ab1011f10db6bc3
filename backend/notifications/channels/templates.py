"""Message texts per event and locale (zh-CN, en): a subject and a plain-text body.

The HTML part is built from the same text, escaped, so the two parts never say different
things. Payload values fill ``{placeholders}``; a missing one renders empty rather than failing
a delivery over a template detail.
"""

import html
import string
from dataclasses import dataclass
from typing import Any

from backend.notifications.channels.deal_texts import DEAL_TEXTS, VOCABULARY, reason_line

KIND_NAMES = {
    "zh-CN": {"output": "科技成果", "need": "技术需求"},
    "en": {"output": "research output", "need": "technology need"},
}

# event -> locale -> (subject, body)
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "listing.approved": {
        "zh-CN": ("您的{kind_name}已通过审核：{title}", "您的{kind_name}《{title}》已通过审核并发布。"),
        "en": (
            "Your {kind_name} was approved: {title}",
            'Your {kind_name} "{title}" was approved and is now published.',
        ),
    },
    "listing.rejected": {
        "zh-CN": ("您的{kind_name}未通过审核：{title}", "您的{kind_name}《{title}》未通过审核。\n原因：{reason}"),
        "en": ("Your {kind_name} was rejected: {title}", 'Your {kind_name} "{title}" was rejected.\nReason: {reason}'),
    },
    "listing.revision_requested": {
        "zh-CN": (
            "您的{kind_name}需要修改：{title}",
            "审核人员请您修改{kind_name}《{title}》后重新提交。\n意见：{reason}",
        ),
        "en": (
            "Your {kind_name} needs changes: {title}",
            'A reviewer asks you to revise your {kind_name} "{title}" and submit it again.\nComments: {reason}',
        ),
    },
    "listing.expiring": {
        "zh-CN": (
            "您的{kind_name}即将到期：{title}",
            "您的{kind_name}《{title}》将于 {expires_on} 到期，如需继续展示请及时续期。",
        ),
        "en": (
            "Your {kind_name} expires soon: {title}",
            'Your {kind_name} "{title}" expires on {expires_on}. Renew it to keep it on the market.',
        ),
    },
    "listing.expired": {
        "zh-CN": ("您的{kind_name}已到期下架：{title}", "您的{kind_name}《{title}》已到期，不再公开展示。"),
        "en": (
            "Your {kind_name} has expired: {title}",
            'Your {kind_name} "{title}" has expired and is no longer listed.',
        ),
    },
    "match.new": {
        "zh-CN": ("新的匹配：{title}", "我们为您的{kind_name}找到了新的匹配：《{title}》（匹配度 {score}）。"),
        "en": ("New match: {title}", 'We found a new match for your {kind_name}: "{title}" (score {score}).'),
    },
    "search.match": {
        "zh-CN": (
            "您保存的搜索有新结果：{title}",
            "新发布的{kind_name}《{title}》符合您保存的搜索“{search_name}”。",
        ),
        "en": (
            "New result for your saved search: {title}",
            'A newly published {kind_name} "{title}" fits your saved search "{search_name}".',
        ),
    },
    "digest": {
        "zh-CN": ("techmatch 每日摘要（{day}）", "以下是您 {day} 的通知摘要："),
        "en": ("Your techmatch daily digest ({day})", "Here is what happened for you ({day}):"),
    },
}
TEXTS.update(DEAL_TEXTS)
FALLBACK = {"zh-CN": ("techmatch 通知：{event}", "您有一条新通知：{event}"), "en": ("techmatch: {event}", "{event}")}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _locale(locale: str | None) -> str:
    return "en" if (locale or "").lower().startswith("en") else "zh-CN"


def _fill(template: str, values: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Lenient(values))


def _values(event: str, payload: dict[str, Any], locale: str) -> dict[str, Any]:
    values = dict(payload)
    values.setdefault("event", event)
    kind = str(payload.get("kind", ""))
    values["kind_name"] = KIND_NAMES[locale].get(kind, kind)
    for key, names in VOCABULARY.items():
        if key in payload:
            values[f"{key}_name"] = names[locale].get(str(payload[key]), str(payload[key]))
    values["reason_line"] = reason_line(values, locale)
    return values


def headline(event: str, payload: dict[str, Any], locale: str | None) -> tuple[str, str]:
    """Subject and body for the in-app list."""
    loc = _locale(locale)
    subject, body = TEXTS.get(event, FALLBACK)[loc]
    values = _values(event, payload, loc)
    return _fill(subject, values), _fill(body, values)


def link(payload: dict[str, Any], base_url: str) -> str | None:
    """Where in the web app the reader acts on it: the listing, the deal, or the interests list."""
    base = base_url.rstrip("/")
    kind, listing_id = payload.get("kind"), payload.get("listing_id")
    if kind in ("output", "need") and listing_id:
        return f"{base}/{kind}s/{listing_id}"
    if payload.get("deal_id"):
        return f"{base}/deals/{payload['deal_id']}"
    if payload.get("interest_id"):
        return f"{base}/interests"
    return None


def render(event: str, payload: dict[str, Any], locale: str | None, *, base_url: str) -> Rendered:
    loc = _locale(locale)
    subject, body = headline(event, payload, loc)
    lines = body.splitlines()
    if event == "digest":
        for item in payload.get("items", []):
            item_subject, _ = headline(str(item.get("event", "")), item, loc)
            lines.append(f"- {item_subject}")
    url = link(payload, base_url)
    if url:
        lines += ["", url]
    footer = (
        "您可以在“通知设置”中更改接收方式。"
        if loc == "zh-CN"
        else "Change how you hear from us in notification settings."
    )
    text = "\n".join([*lines, "", "--", footer]) + "\n"
    paragraphs = "".join(
        f'<p><a href="{html.escape(line)}">{html.escape(line)}</a></p>'
        if line == url
        else f"<p>{html.escape(line)}</p>"
        for line in lines
        if line
    )
    html_body = (
        f'<!doctype html><html lang="{loc}"><head><meta charset="utf-8"><title>{html.escape(subject)}</title></head>'
        f'<body style="font-family:sans-serif">{paragraphs}<hr><p style="color:#888">{html.escape(footer)}</p>'
        "</body></html>"
    )
    return Rendered(subject=subject, text=text, html=html_body)
