"""Claims: who states which proposition, affirmed or denied, hedged or not, about which event.

One pass per sentence over the spaCy parse. Constructions recognised:
- direct quotes, attribution after (`"P", a déclaré X`, `"P", a-t-il indiqué`) or before (`X a dit : "P"`);
- indirect speech (`X a indiqué que P`, `P, ont annoncé des responsables`), infinitive complements
  (`X a expliqué ne rien savoir`);
- `selon X, P` / `d'après X, P`;
- denials of a nominal or earlier report (`X a démenti des informations faisant état de la reprise…`,
  `X a démenti ces informations`, which points at the previous claim: `responds_to_claim_id`);
- everything else that has a finite verb: a narrative claim in the article's own voice.
Coordinated clauses joined by `mais` or `;` are separate claims.
"""

from transforms.claims.aspect import is_near_future, is_simple_imperfect, timed_by_event
from transforms.claims.attribution import extract_sentence_claims
from transforms.claims.event_key import event_head, is_anaphoric_event_noun, predicate_and_key
from transforms.claims.hedging import is_restricted, modal_verb
from transforms.claims.lexicon import reporting_lexicon
from transforms.claims.linking import link_article_claims
from transforms.claims.model import Claim, claim_id
from transforms.claims.participants import UNRESOLVED_AGENT, core_arguments, event_agent, event_is_new_instance
from transforms.claims.syntax import is_reflexive

__all__ = [
    "Claim",
    "UNRESOLVED_AGENT",
    "claim_id",
    "core_arguments",
    "event_agent",
    "event_head",
    "event_is_new_instance",
    "extract_sentence_claims",
    "is_anaphoric_event_noun",
    "is_near_future",
    "is_reflexive",
    "is_restricted",
    "is_simple_imperfect",
    "link_article_claims",
    "modal_verb",
    "predicate_and_key",
    "reporting_lexicon",
    "timed_by_event",
]
