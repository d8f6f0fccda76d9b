"""The grammar layer, below every stage: closed word classes (`words`), word
predicates (`predicates`), subject-verb agreement (`agreement`), the lexicons
and their indexes (`phrase_index`, `triggers`, `cues`, `stop_words`, the actor
base `actor_base`) and the phrase finder `MentionMap` (`mention_map`).

It imports only the text layer (`marsad.text`, `marsad.types`, `marsad.doc`,
`marsad.resources`), never a stage: tests/test_layers.py checks it.
"""
