"""The pipeline's stages and the moves between them, as data."""

from backend.deals.enums import Stage

FORWARD: dict[Stage, Stage] = {
    Stage.interest: Stage.introduced,
    Stage.introduced: Stage.negotiating,
    Stage.negotiating: Stage.contract_signed,
    Stage.contract_signed: Stage.registered,
    Stage.registered: Stage.paid,
    Stage.paid: Stage.closed_won,
}
CLOSED = frozenset({Stage.closed_won, Stage.closed_lost})
OPEN = frozenset(Stage) - CLOSED
# Money may be recorded once there is a signed contract and until the deal is closed.
PAYABLE = frozenset({Stage.contract_signed, Stage.registered})
# The contract's figures are fixed once the registration office approved them.
CONTRACT_EDITABLE = frozenset({Stage.interest, Stage.introduced, Stage.negotiating, Stage.contract_signed})
REGISTRATION_EDITABLE = frozenset({Stage.contract_signed, Stage.registered})
# Stages whose deals carry figures the buyer reports on after the transfer.
TRANSFERRED = frozenset({Stage.registered, Stage.paid, Stage.closed_won})


def allowed_next(stage: Stage) -> list[Stage]:
    if stage in CLOSED:
        return []
    return [FORWARD[stage], Stage.closed_lost]
