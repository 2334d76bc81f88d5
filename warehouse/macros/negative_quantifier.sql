-- macro: the claim is denied by a negative quantifier (`personne n'a été blessé`, `aucun soldat n'a été tué`,
-- `nulle part`), read from its negation cue (`claims.negation`): a denial of every instance, where a pronoun's
-- `il n'a pas été tué` denies one (used by the contradictions view to compare casualties without a theme)
create or replace macro is_quantifier_denial(negation) as
    regexp_matches(lower(coalesce(negation, '')), '\b(personne|aucune?|nulle?)\b');
