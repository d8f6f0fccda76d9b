"""Learned named-entity recognition: a linear-chain CRF trained by Marsad on
ANERcorp (and AQMAR), with word clusters Marsad learns from its own news."""
