"""Words that end a name or a plain noun phrase: the function words and the
first words of the trigger, cue and light-verb lexicons (a name does not run
into its verb)."""
from __future__ import annotations

from functools import cache

from marsad.grammar.cues import cue_index
from marsad.grammar.triggers import trigger_indexes
from marsad.grammar.words import adverbials, function_words, light_verbs


@cache
def name_stop_words() -> frozenset[str]:
    """Words that end an unknown name: function words and the first words of
    event triggers, claim cues and light verbs."""
    verbs, nouns = trigger_indexes()
    return function_words() | verbs.first_words() | nouns.first_words() | cue_index().first_words() | light_verbs()


@cache
def phrase_stop_words() -> frozenset[str]:
    """Words that end a plain noun phrase: those that end a name, and adverbials."""
    return name_stop_words() | adverbials()


@cache
def event_noun_words() -> frozenset[str]:
    """First words of event-noun triggers (القضاء على، السيطرة على)."""
    return trigger_indexes()[1].first_words()
