"""Listings generated from the topics: technology x application x organisation.

Each topic yields one research output per application (offered by its universities and
institutes in turn) and two or three needs (posted by the enterprises that would buy it),
so every need has outputs that genuinely answer it. One seeded generator drives all
choices: the same catalogue always gives the same listings; only dates follow the day
the demo is loaded, so deadlines stay in the future.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from backend.listings.enums import ListingStatus, PriceType, TransferMode, Visibility
from backend.listings.schemas import NeedDraft, OutputDraft
from backend.ops.demo.catalog import Catalog, OrgSpec, Topic
from backend.ops.demo.codes import ip_record

SEED = 2026

_ZH_TITLES = ("{tech}", "面向{app}的{tech}", "{tech}及其在{app}中的应用", "{app}用{tech}", "{tech}（{app}方向）")
_EN_TITLES = ("{tech}", "{tech} for {app}", "{tech}: application in {app}")
_ZH_STAGES = {1: "原理验证", 4: "实验室小试", 6: "中试", 7: "工业现场示范", 8: "规模化生产应用"}
_EN_STAGES = {1: "proof-of-concept", 4: "laboratory", 6: "pilot", 7: "field demonstration", 8: "production"}

_REVISE_ZH = (
    "请补充专利号对应的法律状态证明及权利人信息。",
    "摘要中含有关键工艺参数，请移至保密详情后再提交。",
    "技术成熟度填写为较高等级，请补充中试或应用证明材料。",
    "请量化技术优势（如与现有工艺相比的性能或成本指标）。",
    "预算区间与需求描述的工程规模不一致，请核实后修改。",
)
_REVISE_EN = ("Please quantify the advantages against the current process.", "Please attach proof of the TRL claimed.")
_REJECT = ("内容为一般产品推广，不属于科技成果或技术需求的收录范围。", "权属存在争议，请厘清权利人后重新发布。")

S = ListingStatus
M = TransferMode


@dataclass(frozen=True)
class ListingPlan:
    org_key: str
    draft: OutputDraft | NeedDraft
    status: ListingStatus
    reason: str | None
    age_days: int


def _stage(trl: int, stages: dict[int, str]) -> str:
    return stages[max(level for level in stages if level <= trl)]


def _status(rng: random.Random, org: OrgSpec, english: bool) -> tuple[ListingStatus, str | None]:
    roll = rng.random()
    if not org.verified:
        # A reviewer cannot publish for an organisation that is not verified yet.
        return (S.pending_review, None) if roll < 0.6 else (S.draft, None)
    if roll < 0.78:
        return S.published, None
    if roll < 0.87:
        return S.draft, None
    if roll < 0.93:
        return S.pending_review, None
    if roll < 0.985:
        return S.needs_revision, rng.choice(_REVISE_EN if english else _REVISE_ZH)
    return S.rejected, rng.choice(_REJECT)


def _wan(rng: random.Random, low: int, high: int) -> Decimal:
    """An amount in yuan drawn in units of 10 000 (万元), rounded as people quote prices."""
    amount = rng.randint(low, high)
    step = 5 if amount >= 100 else 1
    return Decimal(max(step, amount // step * step) * 10_000).quantize(Decimal("0.01"))


def _modes(rng: random.Random, trl: int) -> list[TransferMode]:
    # Early-stage results are developed further together; mature ones are sold or licensed.
    if trl <= 4:
        options = [[M.co_development], [M.co_development, M.technical_service], [M.exclusive_licence, M.co_development]]
    elif trl <= 6:
        options = [
            [M.exclusive_licence, M.co_development],
            [M.non_exclusive_licence, M.technical_service],
            [M.equity, M.co_development],
        ]
    else:
        options = [
            [M.assignment],
            [M.assignment, M.exclusive_licence],
            [M.non_exclusive_licence],
            [M.equity, M.assignment],
        ]
    return rng.choice(options)


def _owners(rng: random.Random, catalog: Catalog, topic: Topic, owner: OrgSpec) -> list[dict[str, object]]:
    def name(org: OrgSpec) -> str:
        return org.name_en if topic.english else org.name

    partners = [catalog.org(key) for key in topic.owner_keys if key != owner.key]
    roll = rng.random()
    if roll < 0.6 or not partners:
        return [{"name": name(owner), "share": Decimal(100)}]
    if roll < 0.85 or len(partners) < 2:
        lead = rng.choice((60, 70, 80))
        return [
            {"name": name(owner), "share": Decimal(lead)},
            {"name": name(partners[0]), "share": Decimal(100 - lead)},
        ]
    return [
        {"name": name(owner), "share": Decimal(50)},
        {"name": name(partners[0]), "share": Decimal(30)},
        {"name": name(partners[1]), "share": Decimal(20)},
    ]


def _output(rng: random.Random, catalog: Catalog, topic: Topic, index: int, owner: OrgSpec) -> OutputDraft:
    app = topic.applications[index]
    trl = rng.randint(*topic.trl)
    titles = _EN_TITLES if topic.english else _ZH_TITLES
    title = titles[index % len(titles)].format(tech=topic.tech, app=app)
    others = [a for a in topic.applications if a != app]
    if topic.english:
        summary = f"{topic.summary} Validated for {app} at {_stage(trl, _EN_STAGES)} scale."
        applications = ", ".join([app, *others])
        secret = f"Process window, formulation and equipment list; data from {rng.randint(3, 12)} pilot batches."
    else:
        summary = f"{topic.summary}本成果已在{app}场景完成{_stage(trl, _ZH_STAGES)}验证。"
        applications = "、".join([app, *others])
        report = f"GXJC-{rng.randint(2019, 2025)}-{rng.randint(1, 99999):05d}"
        secret = f"关键工艺窗口、配方比例与设备选型清单；{rng.randint(3, 12)}批次中试数据及第三方检测报告（{report}）。"
    roll = rng.random()
    price_type = PriceType.fixed if roll < 0.6 else PriceType.negotiable if roll < 0.85 else PriceType.appraisal
    price = _wan(rng, *topic.price_wan) if price_type != PriceType.appraisal else None
    ip = [ip_record(rng, topic.ip_kind, english=topic.english)]
    if topic.ip_kind == "invention_patent" and rng.random() < 0.35:
        ip.append(ip_record(rng, "utility_model", english=topic.english))
    return OutputDraft.model_validate(
        {
            "title": title,
            "summary": summary,
            "confidential_detail": secret,
            "problem_solved": topic.problem,
            "advantages": [
                {"description": a.description, "metric": a.metric, "value": a.value} for a in topic.advantages
            ],
            "applications": applications,
            "trl": trl,
            "field_code": topic.industry if rng.random() < 0.65 else topic.discipline,
            "keywords": [*topic.keywords, app][:20],
            "region": owner.region,
            "visibility": Visibility.public if rng.random() < 0.85 else Visibility.registered,
            "ip_records": ip,
            "owners": _owners(rng, catalog, topic, owner),
            "transfer_modes": _modes(rng, trl),
            "price_type": price_type,
            "asking_price": price,
        }
    )


def _need(rng: random.Random, topic: Topic, app: str, buyer: OrgSpec, today: date) -> NeedDraft:
    low, high = topic.trl
    negotiable = rng.random() < 0.3
    budget_min = budget_max = None
    if not negotiable or rng.random() < 0.5:
        budget_min = _wan(rng, *topic.budget_wan)
        ceiling = Decimal(topic.budget_wan[1] * 15_000)
        factor = Decimal(rng.choice(("1.5", "2", "3")))
        budget_max = max(budget_min, min(budget_min * factor, ceiling)).quantize(Decimal("0.01"))
    return NeedDraft.model_validate(
        {
            "title": topic.need.title.replace("{app}", app),
            "description": topic.need.description.replace("{app}", app),
            "specifications": topic.need.specifications.replace("{app}", app),
            "target_trl": rng.randint(max(low, high - 2), high),
            "budget_min": budget_min,
            "budget_max": budget_max,
            "budget_negotiable": negotiable,
            "cooperation_modes": _modes(rng, high),
            "deadline": today + timedelta(days=rng.randint(45, 400)),
            "field_code": topic.industry if rng.random() < 0.8 else topic.discipline,
            "keywords": [*topic.keywords[:3], app],
            "region": buyer.region,
            "visibility": Visibility.public if rng.random() < 0.9 else Visibility.registered,
        }
    )


def generate(catalog: Catalog, *, today: date) -> tuple[list[ListingPlan], list[ListingPlan]]:
    """(outputs, needs) for the catalogue, the same every time for the same ``today``."""
    rng = random.Random(SEED)
    outputs: list[ListingPlan] = []
    needs: list[ListingPlan] = []
    for t, topic in enumerate(catalog.topics):
        for index in range(len(topic.applications)):
            owner = catalog.org(topic.owner_keys[index % len(topic.owner_keys)])
            draft = _output(rng, catalog, topic, index, owner)
            status, reason = _status(rng, owner, topic.english)
            outputs.append(ListingPlan(owner.key, draft, status, reason, rng.randint(1, 330)))
        # Alternate topics get a third need so the market has 100+ of them.
        for j in range(3 if t % 2 == 0 else 2):
            app = topic.applications[(t + j) % len(topic.applications)]
            buyer = catalog.org(topic.buyer_keys[(t + j) % len(topic.buyer_keys)])
            draft_need = _need(rng, topic, app, buyer, today)
            status, reason = _status(rng, buyer, topic.english)
            needs.append(ListingPlan(buyer.key, draft_need, status, reason, rng.randint(1, 200)))
    return outputs, needs
