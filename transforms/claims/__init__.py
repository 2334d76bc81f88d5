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

Layers, each importing only from those before it: `model` (the `Claim` record, its lake row and schema),
`lexicon` (the vocabulary of `transforms/lexicons/`), `syntax` (token helpers), one module per phenomenon
(`negation`, `hedging`, `aspect`, `participants`, `event_key`, `quantities`, `clauses`, `reporting`), then
`attribution` (which construction attributes the sentence: an ordered table of recognisers), `describe` (the
claim one clause makes), `sentence` (`extract_sentence_claims`) and `linking` (across an article's claims).
"""

from transforms.claims.aspect import is_near_future, is_simple_imperfect, timed_by_event
from transforms.claims.event_key import NO_EVENT, EventKey, event_head, is_anaphoric_event_noun, predicate_and_key
from transforms.claims.hedging import is_restricted, modal_verb
from transforms.claims.lexicon import reporting_lexicon
from transforms.claims.linking import link_article_claims
from transforms.claims.model import (
    CLAIM_SCHEMA,
    NO_EVENT_KEY,
    NO_THEME,
    Attribution,
    Claim,
    Clause,
    Sentence,
    claim_id,
    claim_rows,
)
from transforms.claims.participants import UNRESOLVED_AGENT, core_arguments, event_agent, event_is_new_instance
from transforms.claims.sentence import extract_sentence_claims
from transforms.claims.syntax import is_conditional, is_reflexive

__all__ = [
    "CLAIM_SCHEMA",
    "NO_EVENT",
    "NO_EVENT_KEY",
    "NO_THEME",
    "UNRESOLVED_AGENT",
    "Attribution",
    "Claim",
    "Clause",
    "EventKey",
    "Sentence",
    "claim_id",
    "claim_rows",
    "core_arguments",
    "event_agent",
    "event_head",
    "event_is_new_instance",
    "extract_sentence_claims",
    "is_anaphoric_event_noun",
    "is_conditional",
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
