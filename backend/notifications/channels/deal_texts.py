"""Message texts of the deal, interest and subsidy-application events, and the words they fill in.

Kept apart from the listing texts so each table stays readable; ``templates`` merges them. Payload
values that are codes (a stage, a status, a decline reason) are named in the reader's language by
``VOCABULARY`` before the template is filled.
"""

# event -> locale -> (subject, body)
DEAL_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "interest.received": {
        "zh-CN": ("收到合作意向：{title}", "有机构对《{title}》表达了合作意向，请在“合作意向”中查看并答复。"),
        "en": (
            "New expression of interest: {title}",
            'An organisation is interested in "{title}". Reply under Interests.',
        ),
    },
    "interest.decided": {
        "zh-CN": (
            "您的合作意向已{decision_name}：{title}",
            "对方已{decision_name}您对《{title}》的合作意向。{reason_line}",
        ),
        "en": (
            "Your interest was {decision_name}: {title}",
            'Your interest in "{title}" was {decision_name}.{reason_line}',
        ),
    },
    "deal.opened": {
        "zh-CN": ("新的交易已建立：{title}", "交易《{title}》已建立，当前阶段：{stage_name}。"),
        "en": ("A deal was opened: {title}", 'The deal "{title}" was opened; stage: {stage_name}.'),
    },
    "deal.stage_changed": {
        "zh-CN": (
            "交易进展：{title} 进入“{stage_name}”",
            "交易《{title}》已从“{previous_stage_name}”进入“{stage_name}”。",
        ),
        "en": (
            "Deal moved to {stage_name}: {title}",
            'The deal "{title}" moved from {previous_stage_name} to {stage_name}.',
        ),
    },
    "deal.payment_recorded": {
        "zh-CN": ("交易已记录付款：{title}", "交易《{title}》记录了一笔 {amount} 元的付款，累计已付 {paid_total} 元。"),
        "en": (
            "Payment recorded: {title}",
            'A payment of {amount} yuan was recorded on the deal "{title}"; {paid_total} yuan paid so far.',
        ),
    },
    "deal.agent_engaged": {
        "zh-CN": (
            "交易已委托技术经纪人：{title}",
            "交易《{title}》已委托技术经纪人{agent_name}，当前阶段：{stage_name}。",
        ),
        "en": (
            "An agent was engaged: {title}",
            'The agent {agent_name} was engaged on the deal "{title}"; stage: {stage_name}.',
        ),
    },
    "subsidy_application.status_changed": {
        "zh-CN": ("补助申请{status_name}", "您的补助申请（{rule_set}）状态：{status_name}。{reason_line}"),
        "en": (
            "Subsidy application {status_name}",
            "Your subsidy application ({rule_set}) is {status_name}.{reason_line}",
        ),
    },
    "subsidy_application.paid": {
        "zh-CN": (
            "补助已拨付 {amount} 元",
            "您的补助申请（{rule_set}）已于 {paid_on} 拨付 {amount} 元，累计 {paid_total} 元（核定 {granted} 元）。",
        ),
        "en": (
            "Subsidy paid: {amount} yuan",
            "{amount} yuan of your subsidy ({rule_set}) was paid on {paid_on}; {paid_total} of {granted} yuan paid so far.",
        ),
    },
}

STAGES = {
    "zh-CN": {
        "interest": "意向",
        "introduced": "已对接",
        "negotiating": "洽谈中",
        "contract_signed": "已签合同",
        "registered": "已登记",
        "paid": "已付款",
        "closed_won": "已成交",
        "closed_lost": "未成交",
    },
    "en": {
        "interest": "interest",
        "introduced": "introduced",
        "negotiating": "negotiating",
        "contract_signed": "contract signed",
        "registered": "registered",
        "paid": "paid",
        "closed_won": "closed (won)",
        "closed_lost": "closed (lost)",
    },
}

# Keyed by payload field: the value's name in each language.
VOCABULARY: dict[str, dict[str, dict[str, str]]] = {
    "stage": STAGES,
    "previous_stage": STAGES,
    "decision": {
        "zh-CN": {"accepted": "接受", "declined": "婉拒", "pending": "待答复"},
        "en": {"accepted": "accepted", "declined": "declined", "pending": "pending"},
    },
    "reason_code": {
        "zh-CN": {
            "too_early": "技术成熟度不足",
            "benefit_unclear": "效益不明确",
            "route_to_market_unclear": "市场化路径不明确",
            "too_vague": "描述不够具体",
            "price": "价格不合适",
            "already_licensed": "已许可他人",
            "other": "其他",
        },
        "en": {
            "too_early": "too early",
            "benefit_unclear": "benefit unclear",
            "route_to_market_unclear": "route to market unclear",
            "too_vague": "too vague",
            "price": "price",
            "already_licensed": "already licensed",
            "other": "other",
        },
    },
    "status": {
        "zh-CN": {
            "draft": "草稿",
            "submitted": "已提交",
            "first_approved": "已通过初审",
            "approved": "已批准",
            "rejected": "未获批准",
        },
        "en": {
            "draft": "a draft",
            "submitted": "submitted",
            "first_approved": "past its first review",
            "approved": "approved",
            "rejected": "rejected",
        },
    },
}


def reason_line(values: dict[str, object], locale: str) -> str:
    """The reviewer's or decliner's words (else the named reason code), on a line of their own."""
    reason = values.get("reason") or values.get("reason_text") or values.get("reason_code_name")
    if not reason:
        return ""
    return f"\n原因：{reason}" if locale == "zh-CN" else f"\nReason: {reason}"
