"""Pure name helpers: word splitting, casing, Object Action checks and near-duplicate detection."""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "EventConvention",
    "NameProblem",
    "PropertyConvention",
    "are_near_duplicates",
    "check_event_name",
    "check_property_name",
    "did_you_mean",
    "edit_distance",
    "is_past_tense",
    "normalize_name",
    "past_tense",
    "split_words",
    "to_camel_case",
    "to_snake_case",
    "to_title_case",
]


class EventConvention(StrEnum):
    """How event names are written (`conventions.events` in a plan)."""

    OBJECT_ACTION = "object-action"
    TITLE = "title"
    ANY = "any"


class PropertyConvention(StrEnum):
    """How property and trait names are written (`conventions.properties` in a plan)."""

    SNAKE_CASE = "snake_case"
    CAMEL_CASE = "camelCase"
    ANY = "any"


@dataclass(frozen=True, slots=True)
class NameProblem:
    """What is wrong with a name, the rename that fixes it (when one is known) and a hint."""

    message: str
    suggestion: str | None
    hint: str


# ---------------------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated text."""
    return frozenset(text.split())


# Words that may follow the past-tense verb as part of the action ("Logged In", "Set Up").
PARTICLES = _words("in out up down off on over back away through")

# Short words Title Case may keep in lower case between other words ("Email Marked as Spam").
MINOR_WORDS = _words(
    "a an and as at but by for from in into nor of on onto or per the to via vs with"
)

# Acronyms and brands written with their own capitals; `to_title_case` restores them.
KNOWN_TERMS = _words("""
    2D 2FA 3D AI API APIs AR AWS B2B B2C CDN CRM CSV CTA DNS ETA FAQ GCP GDPR GPS HTML HTTP
    HTTPS ID IDs IP JSON JWT KPI MFA ML MMS NFT NPS OK OS OTP P2P PDF PWA QR ROI SAML SCIM SDK
    SEO SKU SMS SQL SSH SSO TV UI URL URLs USB UTM UX VAT VIP VPN VR XML
    CCPA GitHub GitLab GraphQL HubSpot JavaScript LinkedIn OAuth PayPal SaaS TikTok
    TypeScript WhatsApp WordPress YouTube eBay iCloud iOS iPad iPadOS iPhone macOS tvOS watchOS
    """)
_TERMS_BY_FOLD: Mapping[str, str] = MappingProxyType({t.casefold(): t for t in KNOWN_TERMS})

# Irregular verbs: "base past participle", variants joined by "/". The participle is what
# `past_tense` suggests ("Email Sent", "Banner Shown"); every form counts as past tense.
_IRREGULAR_TABLE = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten;
become became become; begin began begun; bend bent bent; bet bet bet; bid bid bid;
bite bit bitten; bleed bled bled; blow blew blown; break broke broken; breed bred bred;
bring brought brought; broadcast broadcast broadcast; build built built; buy bought bought;
cast cast cast; catch caught caught; choose chose chosen; cling clung clung; come came come;
creep crept crept; cut cut cut; deal dealt dealt; dig dug dug; do did done; draw drew drawn;
drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen; feed fed fed;
feel felt felt; fight fought fought; find found found; flee fled fled; fling flung flung;
fly flew flown; forbid forbade forbidden; forecast forecast forecast; forget forgot forgotten;
forgive forgave forgiven; freeze froze frozen; get got got/gotten; give gave given;
go went gone; grow grew grown; hang hung hung; have had had; hear heard heard;
hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; input input input;
keep kept kept; know knew known; lay laid laid; lead led led; leave left left; lend lent lent;
let let let; light lit lit; lose lost lost; make made made; mean meant meant; meet met met;
mislay mislaid mislaid; mislead misled misled; mistake mistook mistaken;
misunderstand misunderstood misunderstood; offset offset offset; outbid outbid outbid;
outdo outdid outdone; outgrow outgrew outgrown; output output output;
overcome overcame overcome; overdo overdid overdone; override overrode overridden;
overrun overran overrun; oversee oversaw overseen; overtake overtook overtaken;
overthrow overthrew overthrown; overwrite overwrote overwritten; pay paid paid;
prepay prepaid prepaid; proofread proofread proofread; put put put; quit quit quit;
read read read; rebuild rebuilt rebuilt; recast recast recast; redo redid redone;
remake remade remade; repay repaid repaid; reread reread reread; rerun reran rerun;
resell resold resold; resend resent resent; reset reset reset; retake retook retaken;
rethink rethought rethought; rewind rewound rewound; rewrite rewrote rewritten;
ride rode ridden; ring rang rung; rise rose risen; run ran run; say said said; see saw seen;
seek sought sought; sell sold sold; send sent sent; set set set; shake shook shaken;
shed shed shed; shine shone shone; shoot shot shot; show showed shown; shrink shrank shrunk;
shut shut shut; sing sang sung; sink sank sunk; sit sat sat; sleep slept slept;
slide slid slid; speak spoke spoken; speed sped sped; spend spent spent; spin spun spun;
spit spat spat; split split split; spread spread spread; spring sprang sprung;
stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung;
strike struck struck; strive strove striven; swear swore sworn; sweep swept swept;
swim swam swum; swing swung swung; take took taken; teach taught taught; tear tore torn;
tell told told; think thought thought; throw threw thrown; thrust thrust thrust;
undergo underwent undergone; understand understood understood; undertake undertook undertaken;
undo undid undone; unfreeze unfroze unfrozen; unwind unwound unwound; uphold upheld upheld;
upset upset upset; wake woke woken; wear wore worn; weave wove woven; weep wept wept;
win won won; withdraw withdrew withdrawn; withhold withheld withheld; write wrote written
"""


def _parse_irregular(table: str) -> dict[str, tuple[str, ...]]:
    """Each base verb → its forms; the participle (suggested form) comes first."""
    verbs: dict[str, tuple[str, ...]] = {}
    for entry in table.replace("\n", " ").split(";"):
        base, simple, participle = entry.split()
        forms = participle.split("/") + simple.split("/")
        verbs[base] = tuple(dict.fromkeys(forms))
    return verbs


_IRREGULAR_FORMS = _parse_irregular(_IRREGULAR_TABLE)
IRREGULAR_PARTICIPLES: Mapping[str, str] = MappingProxyType(
    {base: forms[0] for base, forms in _IRREGULAR_FORMS.items()}
)

# Simple-past forms that are far more often nouns in an event name ("Tool Bit", "Pizza Saw").
_NOUN_LIKE_PAST = _words("bit rose saw spoke")

# British or older past forms ("Photo Burnt") that count as past but are never suggested.
_EXTRA_PAST = _words("burnt dreamt dwelt knelt leapt learnt smelt spelt spilt spoilt")

PAST_FORMS = (
    frozenset(form for forms in _IRREGULAR_FORMS.values() for form in forms) | _EXTRA_PAST
) - _NOUN_LIKE_PAST

# Words ending in "-ed" that are not past tenses.
NOT_PAST_ED = _words("""
    bed bleed breed creed deed embed exceed feed greed heed hundred indeed infrared kindred
    naked need proceed red reed sacred seaweed seed shred sled speed steed succeed tweed weed
    wicked
    """)

# Base forms of verbs common in event names. They let the checker spot a present tense
# ("Order Complete") or a verb first ("View Page") and rewrite it; every irregular verb
# above counts too.
_REGULAR_VERBS = _words("""
    abandon accept access acknowledge activate add adjust allow apply approve archive assign
    attach attempt authenticate authorize bill block book bookmark boost bounce browse
    calculate call cancel capture change charge chat check churn claim clear click clone close
    collapse collect comment commit compare complete compose configure confirm connect contact
    continue convert copy crash create crop customize deactivate decline delete deliver deny
    deploy deselect detect disable disconnect dislike dismiss dispatch display dispute
    download downgrade downvote drag drop duplicate earn edit email embed enable end engage
    enroll enter erase escalate estimate evaluate exceed exit expand expire explore export
    extend fail favorite fetch fill filter finish fix flag focus follow fork format forward
    fulfill generate grant hover ignore import initiate insert install integrate invite invoice
    issue join launch like link listen load lock log love mark match maximize mention merge
    migrate minimize miss move mute navigate notify offer onboard open opt order pass paste
    pause pin place play post preview print proceed process provision publish purchase push
    qualify queue rank rate reach react reactivate receive record recover redeem redirect
    refer refresh refund register reject release reload remind remove rename render renew
    reopen reorder repeat replace reply report request reschedule reserve resize resolve
    respond restart restore resume retain retry return review revoke rotate save scan schedule
    score scroll search select share ship sign skip snooze sort sponsor star start stop stream
    submit subscribe succeed suggest suspend swipe switch sync tag tap terminate test toggle
    track transfer translate trigger unarchive unblock uncheck unfollow uninstall unlike unlink
    unlock unmute unpin unpublish unstar unsubscribe update upgrade upload upsell upvote use
    validate verify view visit vote wait watch withdraw zoom
    """)
KNOWN_VERBS = _REGULAR_VERBS | frozenset(_IRREGULAR_FORMS)

# Verbs that often lead a noun phrase ("Search Results", "Build Status"): taken as the verb
# at the start of a name only when a known object follows ("Download Invoice").
NOUNISH_VERBS = _words("""
    bet bid bookmark build buy call cast change chat check cut download end exit filter
    flag fly hit log mark match move pin play print process purchase record refund reply
    return rise run scan schedule score search sell set share sign split spread star start
    stream swim switch tag test track transfer update upload vote
    """)

# Things events are about. Never taken as the action, even where the word is also a verb
# ("Complete Order" → "Order Completed", not "Complete Ordered").
OBJECT_NOUNS = _words("""
    account address answer app application article attachment booking campaign card cart
    category channel checkout comment company contact content coupon course deal document
    domain draft draw drink drive email episode event experiment fall feature feed
    feedback file folder goal group image integration invite invoice item job key lead
    lesson light link list listing location media meeting member message note notification
    order organization password payment photo plan playlist podcast policy post preference
    price product profile project promo question quote receipt recording report request
    reservation review reward ride ring role rule session setting shipment show site sleep
    slide song speed spin stand story strike subscription survey swing task team template
    thread ticket token tour transaction trial tutorial user video webinar wishlist
    workflow workspace
    """)

# Verbs that double their last consonant although they have more than one syllable.
_DOUBLING_VERBS = _words("""
    abet admit commit compel confer control defer deter embed emit equip excel expel format
    handicap incur infer kidnap occur omit outfit overlap patrol permit prefer program propel
    rebel rebut recur refer regret remit repel submit transfer transmit unclip unpin unplug
    unsnap unwrap unzip
    """)
_CK_VERBS = _words("frolic mimic panic picnic traffic")
_VOWELS = frozenset("aeiou")

# British → American spellings, folded so near-duplicate names match.
_SPELLING_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "acknowledgement": "acknowledgment",
        "ageing": "aging",
        "aluminium": "aluminum",
        "analogue": "analog",
        "burnt": "burned",
        "catalogue": "catalog",
        "catalogues": "catalogs",
        "cheque": "check",
        "cheques": "checks",
        "defence": "defense",
        "dialogue": "dialog",
        "dialogues": "dialogs",
        "dreamt": "dreamed",
        "enrol": "enroll",
        "enrolment": "enrollment",
        "enrolments": "enrollments",
        "enrols": "enrolls",
        "fulfil": "fulfill",
        "fulfilment": "fulfillment",
        "fulfils": "fulfills",
        "grey": "gray",
        "instalment": "installment",
        "instalments": "installments",
        "judgement": "judgment",
        "learnt": "learned",
        "licence": "license",
        "licences": "licenses",
        "mould": "mold",
        "offence": "offense",
        "plough": "plow",
        "practise": "practice",
        "practised": "practiced",
        "programme": "program",
        "programmes": "programs",
        "skilful": "skillful",
        "spelt": "spelled",
        "tyre": "tire",
        "tyres": "tires",
    }
)
# Word beginnings spelt "-our"/"-re" in British English ("colours", "centred" aside).
_SPELLING_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "armour": "armor",
        "behaviour": "behavior",
        "calibre": "caliber",
        "centre": "center",
        "colour": "color",
        "endeavour": "endeavor",
        "favour": "favor",
        "fibre": "fiber",
        "flavour": "flavor",
        "harbour": "harbor",
        "honour": "honor",
        "humour": "humor",
        "labour": "labor",
        "litre": "liter",
        "metre": "meter",
        "neighbour": "neighbor",
        "rumour": "rumor",
        "savour": "savor",
        "theatre": "theater",
        "vapour": "vapor",
    }
)
# Verbs whose final "l" British English doubles ("cancelled", "travelling", "labeller").
_DOUBLED_L_STEMS = _words("""
    cancel channel counsel dial duel enamel equal fuel funnel initial jewel label level libel
    marshal marvel model panel parcel pencil quarrel refuel relabel remodel rival shovel
    signal total travel tunnel unravel
    """)
_DOUBLED_L_ENDINGS = frozenset({"ed", "ing", "er", "ers"})
# "-ise" / "-yse" endings and their "-ize" / "-yze" forms, longest first.
_ISE_ENDINGS = (
    "isations",
    "isation",
    "isable",
    "ising",
    "isers",
    "iser",
    "ised",
    "ises",
    "ise",
    "ysing",
    "ysed",
    "yses",
    "yser",
    "yse",
)

_APOSTROPHES = frozenset("'’")


# ---------------------------------------------------------------------------------------
# Splitting and casing
# ---------------------------------------------------------------------------------------


def split_words(name: str) -> list[str]:
    """Split a name in any style into its words.

    Spaces, underscores, hyphens, dots and any other non-alphanumeric character separate
    words; apostrophes are dropped ("User's" → "Users"). Inside a run, a capital after a
    lower-case letter starts a word ("orderCompleted"), an acronym ends before its last
    capital when a lower-case letter follows ("HTTPServer" → "HTTP", "Server"), a plural
    acronym stays whole ("APIs"), digits stay with their word ("2FA", "addressLine2") and
    known mixed-case terms are kept whole ("iOSAppInstalled" → "iOS", "App", "Installed").
    """
    words: list[str] = []
    for chunk in _split_chunks(name):
        words.extend(_merge_known_terms(_split_case(chunk)))
    return words


def to_title_case(name: str) -> str:
    """Rewrite a name in any style as Title Case words ("order_completed" → "Order Completed").

    Known acronyms and brands get their own capitals ("api_key_created" → "API Key Created",
    "ios" → "iOS"); a lower-case minor word between two others stays lower-case
    ("Product added to wishlist" → "Product Added to Wishlist"); a name without any
    lower-case letter is taken as shouting ("ORDER_COMPLETED" → "Order Completed").
    """
    return " ".join(_title_words(name))


def to_snake_case(name: str) -> str:
    """Rewrite a name as snake_case ("userId" → "user_id"), folding accents to ASCII."""
    return "_".join(folded for word in split_words(name) if (folded := _ascii_lower(word)))


def to_camel_case(name: str) -> str:
    """Rewrite a name as camelCase ("user_id" → "userId"), folding accents to ASCII."""
    words = [folded for word in split_words(name) if (folded := _ascii_lower(word))]
    return "".join(words[:1] + [word.capitalize() for word in words[1:]])


def _split_chunks(name: str) -> list[str]:
    """The alphanumeric runs of `name`, apostrophes dropped."""
    chunks: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFC", name):
        if char.isalnum():
            current.append(char)
        elif char not in _APOSTROPHES and current:
            chunks.append("".join(current))
            current = []
    if current:
        chunks.append("".join(current))
    return chunks


def _split_case(chunk: str) -> list[str]:
    """Split one alphanumeric run at its case changes (see `split_words`)."""
    tokens: list[str] = []
    start = 0
    for i in range(1, len(chunk)):
        if chunk[i].isupper() and _starts_word(chunk, start, i):
            tokens.append(chunk[start:i])
            start = i
    tokens.append(chunk[start:])
    return tokens


def _starts_word(chunk: str, start: int, i: int) -> bool:
    """Whether the capital at `chunk[i]` begins a new word (the current one began at `start`)."""
    previous = chunk[i - 1]
    if previous.islower():
        return True
    if previous.isdigit():
        # "HTTP2Server" splits after the digit; "2FA" does not: a word needs a letter first.
        return any(char.isalpha() for char in chunk[start:i])
    if previous.isupper() and i + 1 < len(chunk) and chunk[i + 1].islower():
        # The last capital of an acronym begins the next word, except a plural "s" ("APIs").
        is_plural = chunk[i + 1] == "s" and (i + 2 == len(chunk) or not chunk[i + 2].islower())
        return not is_plural
    return False


def _merge_known_terms(tokens: list[str]) -> list[str]:
    """Rejoin tokens that spell a known mixed-case term ("i", "OS" → "iOS")."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            if i + size <= len(tokens) and "".join(tokens[i : i + size]) in KNOWN_TERMS:
                merged.append("".join(tokens[i : i + size]))
                i += size
                break
        else:
            merged.append(tokens[i])
            i += 1
    return merged


def _title_words(name: str) -> list[str]:
    """The words of `name`, each in Title Case form (see `to_title_case`)."""
    cleaned = _clean_whitespace(name)
    # A name already written with spaces keeps its words whole ("iMessage Sent");
    # only a name without spaces is split at its capitals ("completeOrder").
    tokens = _split_chunks(cleaned) if " " in cleaned else split_words(cleaned)
    shouting = not any(char.islower() for char in name)
    last = len(tokens) - 1
    return [_title_word(token, shouting, 0 < i < last) for i, token in enumerate(tokens)]


def _title_word(word: str, shouting: bool, middle: bool) -> str:
    known = _TERMS_BY_FOLD.get(word.casefold())
    if known is not None:
        return known
    if middle and word in MINOR_WORDS:
        return word
    if shouting:
        return word.capitalize()
    if word[0].islower() and not _is_brand_like(word):
        return word[0].upper() + word[1:]
    return word


def _is_brand_like(word: str) -> bool:
    """Whether a word starting in lower case is written like a brand ("iPhone", "eBay", "tvOS").

    That is: one lower-case letter before the first capital, or lower-case letters followed
    only by capitals and digits. "orderId" and "completedAt" are camelCase, not brands.
    """
    first_capital = next((i for i, char in enumerate(word) if char.isupper()), None)
    if first_capital is None:
        return False
    rest = word[first_capital:]
    return first_capital == 1 or not any(char.islower() for char in rest)


def _ascii_lower(word: str) -> str:
    """`word` lower-cased, with accents removed and other non-ASCII characters dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if char.isascii() and char.isalnum())


# ---------------------------------------------------------------------------------------
# Tense
# ---------------------------------------------------------------------------------------


def is_past_tense(word: str) -> bool:
    """Whether a single word is a past tense or past participle ("Completed", "Sent", "Set").

    Irregular verbs are listed (`PAST_FORMS`); otherwise a word of four letters or more
    ending in "-ed" counts, except a few that are not verbs in the past (`NOT_PAST_ED`:
    "Feed", "Speed", "Hundred"...).
    """
    lowered = word.casefold()
    if lowered in PAST_FORMS:
        return True
    if lowered in NOT_PAST_ED:
        return False
    return len(lowered) >= 4 and lowered.endswith("ed") and lowered.isalpha()


def past_tense(verb: str) -> str:
    """The past participle of a verb, in American spelling, keeping the verb's capitals.

    "complete" → "completed", "stop" → "stopped", "try" → "tried", "submit" → "submitted",
    "send" → "sent", "Build" → "Built", "show" → "shown", "log in" → "logged in". A word
    already in the past is returned unchanged. Only the first word of a phrase changes.
    """
    head, space, rest = verb.partition(" ")
    if not head:
        return verb
    lowered = head.casefold()
    if lowered in IRREGULAR_PARTICIPLES:
        past = IRREGULAR_PARTICIPLES[lowered]
    elif is_past_tense(lowered):
        return verb
    else:
        past = _regular_past(lowered)
    return _match_case(past, head) + space + rest


def _regular_past(verb: str) -> str:
    if verb in _CK_VERBS:
        return verb + "ked"
    if verb == "quiz":
        return "quizzed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if _doubles_final_consonant(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _doubles_final_consonant(verb: str) -> bool:
    """Stop → stopped: one syllable ending consonant-vowel-consonant, or a listed verb."""
    if verb in _DOUBLING_VERBS:
        return True
    if len(verb) < 3 or not verb.isalpha():
        return False
    last, vowel, before = verb[-1], verb[-2], verb[-3]
    if last in _VOWELS or last in "wxy" or vowel not in _VOWELS or before in _VOWELS:
        return False
    return _count_syllables(verb) == 1


def _count_syllables(word: str) -> int:
    """Vowel groups in `word`, a rough syllable count good enough for doubling."""
    count = 0
    in_vowel = False
    for i, char in enumerate(word):
        is_vowel = char in _VOWELS or (char == "y" and i > 0)
        if is_vowel and not in_vowel:
            count += 1
        in_vowel = is_vowel
    return count


def _match_case(word: str, model: str) -> str:
    """`word` (lower-case) written with the capitals of `model`: "sent", "SEND" → "SENT"."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word.capitalize()
    return word


def _base_form(word: str) -> str | None:
    """The known base verb behind a lower-case present form ("completes", "playing")."""
    if word in KNOWN_VERBS:
        return word
    candidates: list[str] = []
    if word.endswith("ing") and len(word) > 4:
        stem = word[:-3]
        candidates += [stem, stem + "e"]
        if stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s"):
        candidates.append(word[:-1])
    return next((candidate for candidate in candidates if candidate in KNOWN_VERBS), None)


def _action_score(word: str, *, forms: bool) -> int:
    """How surely a word is the action: 0 a verb, 1 a verb often used as a noun, 2 an
    object, 3 neither. With `forms`, "-s" and "-ing" forms count as their verb."""
    lowered = word.casefold()
    if lowered in OBJECT_NOUNS or (lowered.endswith("s") and lowered[:-1] in OBJECT_NOUNS):
        return 2
    base = _base_form(lowered) if forms else (lowered if lowered in KNOWN_VERBS else None)
    if base is None:
        return 3
    if base in OBJECT_NOUNS:
        return 2
    return 1 if base in NOUNISH_VERBS else 0


# ---------------------------------------------------------------------------------------
# Event names
# ---------------------------------------------------------------------------------------

_OBJECT_ACTION_HINT = 'rename to the object, then the action in the past tense: "Order Completed"'
_TITLE_HINT = 'rename to Title Case words separated by single spaces: "Order Completed"'


def check_event_name(
    name: str, convention: EventConvention | str = EventConvention.OBJECT_ACTION
) -> NameProblem | None:
    """What breaks the event naming convention in `name`, or None when it follows it.

    `object-action`: Title Case words separated by single spaces, the object first and a
    past-tense action last ("Order Completed", "Sign Up Started", "Password Reset").
    - The action is one past-tense word (regular "-ed" or irregular: "Sent", "Built",
      "Won", "Set") followed only by particles: "User Logged In", "Account Set Up".
    - Segment's own spec names may end with a phrase after the action, opened by a minor
      word: "Product Added to Wishlist", "Email Marked as Spam".
    - A word is Title Case when it starts with a capital or a digit ("API", "2FA",
      "HTTPServer"). All-capital words are taken as acronyms, but a name with no
      lower-case letter at all is flagged as upper case. A word starting lower-case is
      accepted only as a brand ("iOS", "eBay", "iPhone", "macOS": one lower-case letter
      before a capital, or lower-case letters then only capitals) or as a minor word
      ("to", "as", "from"...) between two others.
    `title`: the same word and spacing rules, with no rule on order or tense.
    `any`: only an empty name and stray whitespace are problems: leading, trailing or
    repeated spaces, tabs, line breaks and invisible characters never mean anything.

    The suggestion, when there is one, passes this same check; it is None where no
    rename is safe to guess (a single word, a name without a verb the checker knows).
    Irregular verbs are suggested as past participles ("Email Sent", "Banner Shown").
    """
    return _check_event_name(name, EventConvention(convention))


# The validator and the scanner check the same few names over and over.
@lru_cache(maxsize=4096)
def _check_event_name(name: str, convention: EventConvention) -> NameProblem | None:
    blank = _whitespace_problem(name)
    if blank is not None:
        message = f"event name {_quote(name)} {blank}"
    elif convention is EventConvention.ANY:
        return None
    else:
        detail = _event_problem(name, convention)
        if detail is None:
            return None
        message = f"event name {_quote(name)} is not {_CONVENTION_TEXT[convention]}: {detail}"
    suggestion = _suggest_event_name(name, convention)
    if suggestion == name or (suggestion and not _event_is_valid(suggestion, convention)):
        suggestion = None
    return NameProblem(message, suggestion, _event_hint(name, suggestion, convention))


_CONVENTION_TEXT: Mapping[EventConvention, str] = MappingProxyType(
    {
        EventConvention.OBJECT_ACTION: "Object Action in Title Case",
        EventConvention.TITLE: "Title Case",
        EventConvention.ANY: "any convention",
    }
)


def _event_hint(name: str, suggestion: str | None, convention: EventConvention) -> str:
    if suggestion is not None:
        return f"rename to {_quote(suggestion)}"
    if not _clean_whitespace(name) or convention is EventConvention.ANY:
        return "give the event a name"
    if convention is EventConvention.OBJECT_ACTION:
        return _OBJECT_ACTION_HINT
    return _TITLE_HINT


def _event_is_valid(name: str, convention: EventConvention) -> bool:
    if _whitespace_problem(name) is not None:
        return False
    return convention is EventConvention.ANY or _event_problem(name, convention) is None


def _event_problem(name: str, convention: EventConvention) -> str | None:
    """What is wrong with a name free of stray whitespace, or None."""
    surface = _surface_problem(name)
    if surface is not None or convention is not EventConvention.OBJECT_ACTION:
        return surface
    return _diagnose_structure(name.split(" "))[0]


def _suggest_event_name(name: str, convention: EventConvention) -> str | None:
    if convention is EventConvention.ANY:
        return _clean_whitespace(name) or None
    words = _title_words(name)
    if not words:
        return None
    if convention is EventConvention.TITLE:
        return " ".join(words)
    if _whitespace_problem(name) is None and _surface_problem(name) is None:
        words = name.split(" ")  # already Title Case: keep the words exactly as written
    fixed = _diagnose_structure(words)[1]
    return " ".join(fixed) if fixed else None


def _whitespace_problem(name: str) -> str | None:
    """Empty names and whitespace that is not a single space between words."""
    if not name.strip() and not any(_is_invisible(char) for char in name):
        return "is empty" if not name else "is blank"
    if name[0].isspace() or _is_invisible(name[0]):
        return "has leading whitespace"
    if name[-1].isspace() or _is_invisible(name[-1]):
        return "has trailing whitespace"
    for char in name:
        if _is_invisible(char):
            return f"contains the invisible character U+{ord(char):04X}"
        if char.isspace() and char != " ":
            return f"contains the whitespace character {_describe_char(char)}"
    if "  " in name:
        return "has repeated spaces"
    return None


def _is_invisible(char: str) -> bool:
    """Zero-width and other format characters (U+200B, U+FEFF...), invisible when printed."""
    return unicodedata.category(char) == "Cf"


def _describe_char(char: str) -> str:
    names = {"\t": "tab", "\n": "line feed", "\r": "carriage return", "\u00a0": "no-break space"}
    return names.get(char, f"U+{ord(char):04X}")


def _clean_whitespace(name: str) -> str:
    """`name` without invisible characters, its whitespace runs made single spaces."""
    return " ".join("".join(char for char in name if not _is_invisible(char)).split())


def _surface_problem(name: str) -> str | None:
    """Word-level problems (style, punctuation, case) of a name with clean spacing."""
    if " " not in name:
        style = _compound_style(name)
        if style is not None:
            return f"it is {style}"
    odd = [char for char in dict.fromkeys(name) if not char.isalnum() and char != " "]
    if odd:
        return "it contains " + ", ".join(_quote(char) for char in odd)
    words = name.split(" ")
    if _is_shouting(words):
        return "it is in upper case"
    last = len(words) - 1
    lower = [
        word
        for i, word in enumerate(words)
        if word[0].islower()
        and not _is_brand_like(word)
        and not (0 < i < last and word in MINOR_WORDS)
    ]
    if not lower:
        return None
    quoted = ", ".join(_quote(word) for word in lower)
    if len(lower) > 1:
        return f"it has lower-case words {quoted}"
    if any(char.isupper() for char in lower[0]):
        return f"it has a camelCase word {quoted}"
    return f"it has a lower-case word {quoted}"


def _compound_style(name: str) -> str | None:
    """The identifier style of a name written without spaces, if it joins several words."""
    has_lower = any(char.islower() for char in name)
    if "_" in name:
        return "snake_case" if has_lower else "SCREAMING_SNAKE_CASE"
    if "-" in name:
        return "kebab-case"
    if "." in name:
        return "dot.case"
    if name.isalnum() and has_lower and len(split_words(name)) > 1:
        return "camelCase" if name[0].islower() else "PascalCase"
    return None


def _is_shouting(words: Sequence[str]) -> bool:
    """A name with no lower-case letter, unless it is one short acronym or known terms."""
    if any(char.islower() for word in words for char in word):
        return False
    return any(
        word.casefold() not in _TERMS_BY_FOLD and (len(words) > 1 or len(word) > 5)
        for word in words
        if any(char.isalpha() for char in word)
    )


def _find_action(words: Sequence[str]) -> tuple[int, int] | None:
    """(start, end) of the past-tense action with an object before it, or None.

    After the verb come particles ("Logged In"), then the end of the name or a minor word
    opening a phrase ("Added to Wishlist"). The last such verb is taken.
    """
    count = len(words)
    for start in range(count - 1, 0, -1):
        if not is_past_tense(words[start]):
            continue
        end = start + 1
        while end < count:
            lowered = words[end].casefold()
            if lowered in MINOR_WORDS and end + 1 < count:
                return start, end
            if lowered not in PARTICLES:
                break
            end += 1
        else:
            return start, end
    return None


def _diagnose_structure(words: list[str]) -> tuple[str | None, list[str] | None]:
    """What keeps Title Case words from reading Object Action, and the words fixed.

    Returns (None, words) when they already do; the fix is None when no rewrite is safe.
    """
    found = _find_action(words)
    if found is not None:
        start, end = found
        action = words[start:end]
        if all(word == word.capitalize() for word in action):
            return None, words
        fixed = words[:start] + [word.capitalize() for word in action] + words[end:]
        return f"the action {_quote(' '.join(action))} is not in Title Case", fixed
    first = words[0]
    if len(words) == 1:
        if is_past_tense(first):
            return f"it has no object, only the action {_quote(first)}", None
        return "it is a single word, not an object followed by a past-tense action", None
    if is_past_tense(first):
        return _diagnose_action_first(words)
    return _diagnose_present_tense(words)


def _diagnose_action_first(words: list[str]) -> tuple[str, list[str] | None]:
    """A name opening with its past-tense action: "Completed Checkout", "Signed Up"."""
    end = 1
    while end < len(words) and words[end].casefold() in PARTICLES:
        end += 1
    action = [word.capitalize() for word in words[:end]]
    if end == len(words):
        # A phrasal action alone is about the user ("Signed Up" → "User Signed Up").
        fix = ["User", *action] if len(action) > 1 else None
        return f"it has no object, only the action {_quote(' '.join(words))}", fix
    return f"the action {_quote(words[0])} comes before the object", words[end:] + action


def _diagnose_present_tense(words: list[str]) -> tuple[str, list[str] | None]:
    """A name without a past-tense action in place: a present tense last or a verb first.

    Many words are both verbs and nouns, so the ends of the name are scored
    (`_action_score`): the surer verb is the action; a tie goes to the last word, as in
    "Report Download". A verb first is moved only when it is surely a verb, or when a
    known object follows it ("Download Invoice"), never when a phrase follows it
    ("Add to Cart", "Sign Up Page").
    """
    first = words[0]
    core_end = len(words)
    while core_end > 1 and words[core_end - 1].casefold() in PARTICLES:
        core_end -= 1
    last = words[core_end - 1]
    action_text = _quote(" ".join(words[core_end - 1 :]))
    particles = [word.capitalize() for word in words[core_end:]]
    last_score = _action_score(last, forms=True)
    if core_end == 1 and last_score <= 1:
        # "Log In" → "User Logged In"
        action = [past_tense(_base_form(last.casefold()) or last).capitalize(), *particles]
        return f"the action {action_text} is not past tense", ["User", *action]
    # A verb and a particle first make a compound noun: "Sign Up Page", "Log In Attempt".
    is_compound = words[1].casefold() in PARTICLES
    first_score = 3 if core_end == 1 or is_compound else _action_score(first, forms=False)
    opens_phrase = words[1].casefold() in MINOR_WORDS
    if last_score <= 1 and last_score <= first_score:
        # "Order Complete" → "Order Completed"; "Video Playing" → "Video Played".
        past = past_tense(_base_form(last.casefold()) or last).capitalize()
        fixed = [*words[: core_end - 1], past, *particles]
        return f"the action {action_text} is not past tense", fixed
    if first_score == 0 or (first_score == 1 and last_score == 2):
        # "View Page" → "Page Viewed"; "Download Invoice" → "Invoice Downloaded".
        message = f"it starts with the verb {_quote(first)} instead of the object"
        if opens_phrase:
            return message, None
        return message, [*words[1:], past_tense(first.casefold()).capitalize()]
    misplaced = next((word for word in words[1:] if is_past_tense(word)), None)
    if misplaced is not None:
        return f"the action {_quote(misplaced)} is not at the end", None
    return "it does not end with a past-tense action", None


# ---------------------------------------------------------------------------------------
# Property names
# ---------------------------------------------------------------------------------------


def check_property_name(
    name: str, convention: PropertyConvention | str = PropertyConvention.SNAKE_CASE
) -> NameProblem | None:
    """What breaks the property naming convention in `name`, or None when it follows it.

    `snake_case`: lower-case ASCII letters and digits in words joined by single
    underscores, starting with a letter ("utm_source", "address_line_2").
    `camelCase`: ASCII letters and digits starting with a lower-case letter; runs of
    capitals are accepted ("userId", "userID", "line2").
    `any`: only an empty name and stray whitespace are problems.
    A name starting with "$" ("$set", "$email") belongs to a destination's reserved
    vocabulary (Mixpanel, Amplitude), not to the plan's convention: never a problem.
    """
    convention = PropertyConvention(convention)
    if name.startswith("$"):
        return None
    blank = _whitespace_problem(name)
    if convention is PropertyConvention.ANY:
        if blank is None:
            return None
        suggestion: str | None = _clean_whitespace(name) or None
        return _property_problem(f"property name {_quote(name)} {blank}", suggestion, convention)
    is_valid = _is_snake_case if convention is PropertyConvention.SNAKE_CASE else _is_camel_case
    if is_valid(name):
        return None
    if blank is not None:
        message = f"property name {_quote(name)} {blank}"
    else:
        detail = _property_detail(name, convention)
        message = f"property name {_quote(name)} is not {convention.value}"
        message += f": {detail}" if detail else ""
    rename = to_snake_case if convention is PropertyConvention.SNAKE_CASE else to_camel_case
    suggestion = rename(name)
    return _property_problem(message, suggestion if is_valid(suggestion) else None, convention)


def _property_problem(
    message: str, suggestion: str | None, convention: PropertyConvention
) -> NameProblem:
    if suggestion is not None:
        hint = f"rename to {_quote(suggestion)}"
    elif convention is PropertyConvention.SNAKE_CASE:
        hint = 'rename to lower-case words joined by underscores: "order_id"'
    elif convention is PropertyConvention.CAMEL_CASE:
        hint = 'rename to camelCase: "orderId"'
    else:
        hint = "give the property a name"
    return NameProblem(message=message, suggestion=suggestion, hint=hint)


def _is_snake_case(name: str) -> bool:
    return (
        name[:1].isascii()
        and name[:1].islower()
        and all(
            part and part.isascii() and part.isalnum() and part == part.lower()
            for part in name.split("_")
        )
    )


def _is_camel_case(name: str) -> bool:
    return name[:1].isascii() and name[:1].islower() and name.isascii() and name.isalnum()


def _property_detail(name: str, convention: PropertyConvention) -> str | None:
    """Why a name free of stray whitespace is not in `convention`, when it says more."""
    if name[0].isdigit():
        return "it starts with a digit"
    if name.startswith("_") or name.endswith("_"):
        return "it starts or ends with an underscore"
    if " " in name:
        return "it has spaces"
    if not name.isascii():
        return "it has characters outside ASCII"
    if convention is PropertyConvention.SNAKE_CASE and "__" in name:
        return "it has repeated underscores"
    style = _compound_style(name)
    if style == "snake_case" and convention is PropertyConvention.SNAKE_CASE:
        return "it has capitals"
    if style is not None:
        return f"it is {style}"
    if name.isalnum() and name[0].isupper():
        return "it is in upper case" if name.isupper() else "it starts with a capital"
    return None


# ---------------------------------------------------------------------------------------
# Similarity
# ---------------------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """The key two names share when they differ only in case, separators or spelling.

    Words are lower-cased (case-folded), British spellings become American
    ("cancelled" → "canceled", "colour" → "color", "organise" → "organize") and the words
    are joined with nothing, so "Order Completed", "order_completed", "OrderCompleted",
    "order-completed" share a key, and so do "Sign Up Started" and "Signup Started".
    """
    return _name_keys(name).folded


class _NameKeys(NamedTuple):
    words: tuple[str, ...]  # case-folded words
    plain: str  # the words joined
    folded: str  # the words in American spelling, joined: `normalize_name`
    digitless: str  # `folded` with each run of digits as "#"


# Lint compares every pair of names, so each name is split and folded once.
@lru_cache(maxsize=8192)
def _name_keys(name: str) -> _NameKeys:
    words = tuple(word.casefold() for word in split_words(name))
    folded = "".join(_american(word) for word in words)
    return _NameKeys(words, "".join(words), folded, _without_digits(folded))


def _american(word: str) -> str:
    """The American spelling of a case-folded word; other words unchanged.

    A rule may also rewrite a word that is not British ("promise" → "promize"); both names
    of a pair are folded alike, so that only matters if it made two real words collide.
    """
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    for british, american in _SPELLING_PREFIXES.items():
        if word.startswith(british):
            return american + word[len(british) :]
    for stem in _DOUBLED_L_STEMS:
        if word.startswith(stem + "l") and word[len(stem) + 1 :] in _DOUBLED_L_ENDINGS:
            return stem + word[len(stem) + 1 :]
    for ending in _ISE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + ending[0] + "z" + ending[2:]
    return word


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between `a` and `b`, or `limit + 1` once it exceeds `limit`.

    Runs in O(len * limit): common ends are skipped and only a band of width
    2 * limit + 1 around the diagonal is computed, stopping when every cell passes `limit`.
    """
    if limit < 0:
        raise ValueError("limit must not be negative")
    if a == b:
        return 0
    too_far = limit + 1
    if abs(len(a) - len(b)) > limit:
        return too_far
    start, end_a, end_b = 0, len(a), len(b)
    while start < end_a and start < end_b and a[start] == b[start]:
        start += 1
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = sorted((a[start:end_a], b[start:end_b]), key=len)
    if len(b) <= 1:
        return len(b)
    if limit <= 1:
        # Without their common ends, names one edit apart keep one character at most.
        return too_far
    previous = [min(j, too_far) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [too_far] * (len(b) + 1)
        current[0] = min(i, too_far)
        row_best = current[0]
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, too_far)
            current[j] = value
            row_best = min(row_best, value)
        if row_best >= too_far:
            return too_far
        previous = current
    return previous[len(b)]


_MIN_EDIT_LENGTH = 4


def are_near_duplicates(a: str, b: str) -> str | None:
    """Why two different names look like one name written twice, or None.

    Reasons, in order: "same after normalising case and separators", "British/American
    spelling", "one edit apart" (one letter added, removed or changed in the normalised
    names). Identical names are not near-duplicates (that is a duplicate). Names whose
    normalised forms are shorter than 4 characters are never one edit apart, nor are names
    whose only difference is inside a word shorter than 4 letters ("Goal Set"/"Goal Met")
    or in their numbers ("Step 1 Completed"/"Step 2 Completed"): those are kept apart on
    purpose.
    """
    if a == b:
        return None
    keys_a, keys_b = _name_keys(a), _name_keys(b)
    if not keys_a.plain or not keys_b.plain:
        return None
    if keys_a.plain == keys_b.plain:
        return "same after normalising case and separators"
    if keys_a.folded == keys_b.folded:
        return "British/American spelling"
    shorter, longer = sorted((len(keys_a.folded), len(keys_b.folded)))
    if shorter < _MIN_EDIT_LENGTH or longer - shorter > 1:
        return None
    if keys_a.digitless == keys_b.digitless:
        return None
    if _differ_in_one_short_word(keys_a.words, keys_b.words):
        return None
    if edit_distance(keys_a.folded, keys_b.folded, 1) <= 1:
        return "one edit apart"
    return None


def _without_digits(key: str) -> str:
    """`key` with each run of digits replaced by one "#"."""
    out: list[str] = []
    for char in key:
        if not char.isdigit():
            out.append(char)
        elif not out or out[-1] != "#":
            out.append("#")
    return "".join(out)


def _differ_in_one_short_word(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    if len(words_a) != len(words_b):
        return False
    changed = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return len(changed) == 1 and max(len(changed[0][0]), len(changed[0][1])) < _MIN_EDIT_LENGTH


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to a misspelt `word` ("nmber" → "number"), or None.

    A candidate equal to `word` wins, then one equal ignoring case; otherwise `difflib`'s
    closest match with a similarity ratio of at least 0.6, compared without case.
    """
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        if candidate == word:
            return candidate
        by_fold.setdefault(candidate.casefold(), candidate)
    folded = word.casefold()
    if not folded or not by_fold:
        return None
    if folded in by_fold:
        return by_fold[folded]
    matches = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.6)
    return by_fold[matches[0]] if matches else None


def _quote(text: str) -> str:
    """`text` in double quotes, control characters escaped, as messages show names."""
    return json.dumps(text, ensure_ascii=False)
