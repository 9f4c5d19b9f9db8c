"""Coach tests need no database: the coach is pure Python."""

from typing import Any

import pytest

DELAY_QUESTION: dict[str, Any] = {
    "text": "Tell me about a time a patient was upset because their appointment was delayed. "
    "How did you handle it?",
    "type": "behavioural",
    "key_points": [
        "Acknowledge the patient's frustration and listen before explaining",
        "Find out the real cause of the delay and give an honest update",
        "Offer practical options such as rebooking or a call back",
        "Close with the outcome and what you changed afterwards",
    ],
    "what_not_to_say": ['Opening with "delays happen, the doctors are busy".'],
}

STRONG = (
    "Last spring, while I worked on the front desk of a busy outpatient clinic, a man waiting for "
    "his heart clinic appointment became upset after an hour's delay; he had taken unpaid leave to "
    "come. My job was to calm the situation and get him seen. I took him aside, listened without "
    "interrupting and apologised for the wait. I then called the clinic nurse, found out that an "
    "emergency had pushed the list back by forty minutes, and told him honestly. I offered him a "
    "choice: wait with a coffee voucher, or rebook for the next morning with a guaranteed first "
    "slot. He chose to wait, and I checked on him every fifteen minutes. He was seen within the "
    "hour and thanked me afterwards. Since then I update waiting patients every twenty minutes, "
    "and complaints about waits at our desk fell by 30% over three months."
)


@pytest.fixture
def delay_question() -> dict[str, Any]:
    return dict(DELAY_QUESTION)


@pytest.fixture(scope="session")
def coach_bank() -> dict[str, dict[str, Any]]:
    """The bundled bank, handed to the coach as the web app and the command line hand it."""
    from pathlib import Path

    from coach.bank import use_bank
    from questionbank.coaching import pack_questions

    questions = {q["id"]: q for q in pack_questions(Path(__file__).parents[2] / "content")}
    use_bank(questions.values())
    return questions
