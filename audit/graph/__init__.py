"""The plan graph: which plan of a corpus implements which, and what is missing.

Each plan is a node (its path); each preamble citation that names another plan of the corpus is
an edge child -> parent with the citation's relation, line and text. A citation is matched to a
document by number and symbol, then date (or year) and issuer, as a reviewer would: "5/KH-UBND" is
"05/KH-UBND", "UBND" is "Ủy ban nhân dân", "Hoá" is "Hóa", and "của Ủy ban nhân dân tỉnh" (the
place left out) is the province's document when only one matches. A province often issues its
plan as a Quyết định with the plan attached, so a plan is also known by the document it is
attached to ("Ban hành kèm theo Quyết định số 925/QĐ-UBND ...").

Only citations of directive documents can name a plan: plans and decisions, resolutions,
directives, programmes (KH, QĐ, NQ, CT, CTr, ...). Laws, decrees and circulars (numbers with a year:
61/2018/NĐ-CP), reports and submissions (BC, TTr) are left out of the graph and the unresolved list.

The package holds one idea a module: a document's identity (`identity.py`), where a citation leads
(`resolution.py`), the graph and its queries (`plan_graph.py`), and the expected units
(`expected.py`). Other stages import from here.
"""

from audit.graph.expected import MissingUnits, load_expected, missing_units
from audit.graph.identity import agreement, document_keys, issuer_agreement, ref_key
from audit.graph.plan_graph import PlanGraph, UnresolvedGroup

__all__ = ["MissingUnits", "PlanGraph", "UnresolvedGroup", "agreement", "document_keys", "issuer_agreement",
           "load_expected", "missing_units", "ref_key"]
