"""Name helpers: splitting, casing, tense, the naming conventions and near-duplicates."""

from __future__ import annotations

import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trackplan.naming import (
    NOUNISH_VERBS,
    EventConvention,
    PropertyConvention,
    are_near_duplicates,
    check_event_name,
    check_property_name,
    did_you_mean,
    edit_distance,
    is_past_tense,
    normalize_name,
    past_tense,
    split_words,
    to_camel_case,
    to_snake_case,
    to_title_case,
)

OBJECT_ACTION = EventConvention.OBJECT_ACTION
TITLE = EventConvention.TITLE
ANY = EventConvention.ANY

# ---------------------------------------------------------------------------------------
# Event names: Object Action
# ---------------------------------------------------------------------------------------

GOOD_EVENT_NAMES = [
    "Order Completed",
    "Team Member Invited",
    "API Key Created",
    "2FA Enabled",
    "Sign Up Started",
    "Log In Failed",
    "Email Sent",
    "Report Built",
    "Invoice Paid",
    "Deal Won",
    "Deal Lost",
    "Payment Made",
    "Link Shared",
    "Password Reset",
    "Goal Set",
    "Message Read",
    "Team Left",
    "Trial Began",
    "Trial Begun",
    "Page Viewed",
    "Checkout Started",
    "Product Added",
    "Order Refunded",
    "Video Playback Paused",
    "Products Searched",
    "Product List Filtered",
    "User Logged In",
    "User Signed Out",
    "Cart Shared",
    "Application Opened",
    "Application Backgrounded",
    "Push Notification Tapped",
    # brands and acronyms are words
    "iOS App Installed",
    "eBay Listing Created",
    "iPhone Paired",
    "macOS Update Downloaded",
    "HTTPServer Restarted",
    "SSO Enabled",
    "Step 1 Completed",
    "404 Page Viewed",
    # phrasal actions
    "Account Set Up",
    "Email Opted Out",
    "Cart Checked Out",
    "User Cashed Out",
    "Session Logged Out",
    "Sign In Failed",
    # irregular pasts
    "Song Sung",
    "File Written",
    "Money Withdrawn",
    "Setting Overridden",
    "Rule Upheld",
    "Video Shown",
    "Report Rerun",
    "Alert Hidden",
    "Photo Taken",
    "Page Forgotten",
    "Plan Chosen",
    "Lesson Taught",
    "Ticket Bought",
    "Item Sold",
    "Password Rewritten",
    "Invite Resent",
    "Feed Refreshed",
    # Segment spec names with a phrase after the action
    "Product Added to Wishlist",
    "Product Removed from Wishlist",
    "Wishlist Product Added to Cart",
    "Email Marked as Spam",
    "Product Added To Cart",
    # the rest of Segment's ecommerce and mobile specs
    "Product List Viewed",
    "Promotion Clicked",
    "Checkout Step Completed",
    "Payment Info Entered",
    "Order Cancelled",
    "Coupon Denied",
    "Application Crashed",
    "Install Attributed",
    "Deep Link Opened",
    "Live Chat Message Received",
    "Experiment Viewed",
]


@pytest.mark.parametrize("name", GOOD_EVENT_NAMES)
def test_good_event_names_pass(name: str) -> None:
    assert check_event_name(name, OBJECT_ACTION) is None
    assert check_event_name(name, TITLE) is None
    assert check_event_name(name, ANY) is None


# (name, what the message must say, the suggested rename or None)
BAD_EVENT_NAMES = [
    # style
    ("order_completed", "it is snake_case", "Order Completed"),
    ("order_refunded", "it is snake_case", "Order Refunded"),
    ("ORDER_COMPLETED", "it is SCREAMING_SNAKE_CASE", "Order Completed"),
    ("completeOrder", "it is camelCase", "Order Completed"),
    ("orderCompleted", "it is camelCase", "Order Completed"),
    ("OrderCompleted", "it is PascalCase", "Order Completed"),
    ("order-completed", "it is kebab-case", "Order Completed"),
    ("order.completed", "it is dot.case", "Order Completed"),
    ("api_key_created", "it is snake_case", "API Key Created"),
    ("iosAppInstalled", "it is camelCase", "iOS App Installed"),
    ("2fa_enabled", "it is snake_case", "2FA Enabled"),
    # case
    ("Report download", 'it has a lower-case word "download"', "Report Downloaded"),
    ("order completed", 'it has lower-case words "order", "completed"', "Order Completed"),
    ("Order completedAt", 'it has a camelCase word "completedAt"', None),
    ("ORDER COMPLETED", "it is in upper case", "Order Completed"),
    ("Order COMPLETED", 'the action "COMPLETED" is not in Title Case', "Order Completed"),
    ("User Logged in", 'lower-case word "in"', "User Logged In"),
    # punctuation
    ("Order Completed!", 'it contains "!"', "Order Completed"),
    ("Order Completed 🎉", 'it contains "🎉"', "Order Completed"),
    ("Sign-Up Started", 'it contains "-"', "Sign Up Started"),
    ("Typewriter: Slothgram", 'it contains ":"', None),
    # order
    ("Completed Checkout", 'the action "Completed" comes before the object', "Checkout Completed"),
    ("Completed Order Review", "comes before the object", "Order Review Completed"),
    ("View Page", 'it starts with the verb "View" instead of the object', "Page Viewed"),
    ("Send Message", 'starts with the verb "Send"', "Message Sent"),
    ("Complete Purchase", 'starts with the verb "Complete"', "Purchase Completed"),
    ("Download Invoice", 'starts with the verb "Download"', "Invoice Downloaded"),
    ("Download Report", 'starts with the verb "Download"', "Report Downloaded"),
    ("Update Profile", 'starts with the verb "Update"', "Profile Updated"),
    ("Filter Products", 'starts with the verb "Filter"', "Products Filtered"),
    ("Add to Cart", 'starts with the verb "Add"', None),
    ("Order Completed Successfully", 'the action "Completed" is not at the end', None),
    ("Account Added User", 'the action "Added" is not at the end', None),
    # tense
    ("Order Complete", 'the action "Complete" is not past tense', "Order Completed"),
    ("Order Submit", 'the action "Submit" is not past tense', "Order Submitted"),
    ("Report Download", 'the action "Download" is not past tense', "Report Downloaded"),
    ("Email Open", 'the action "Open" is not past tense', "Email Opened"),
    ("Message Send", 'the action "Send" is not past tense', "Message Sent"),
    ("Video Playing", 'the action "Playing" is not past tense', "Video Played"),
    ("Video Ends", 'the action "Ends" is not past tense', "Video Ended"),
    ("Cart Clears", 'the action "Clears" is not past tense', "Cart Cleared"),
    ("Item Purchase", 'the action "Purchase" is not past tense', "Item Purchased"),
    ("Plan Pay", 'the action "Pay" is not past tense', "Plan Paid"),
    ("Step 1 Complete", 'the action "Complete" is not past tense', "Step 1 Completed"),
    ("User Log In", 'the action "Log In" is not past tense', "User Logged In"),
    ("Log In", 'the action "Log In" is not past tense', "User Logged In"),
    ("Log In Attempt", 'the action "Attempt" is not past tense', "Log In Attempted"),
    # no action, no object
    ("Purchase", "it is a single word", None),
    ("Completed", 'it has no object, only the action "Completed"', None),
    ("Unsubscribed", "it has no object", None),
    ("Signed Up", 'it has no object, only the action "Signed Up"', "User Signed Up"),
    ("Signed Out", "it has no object", "User Signed Out"),
    ("Purchase Confirmation", "it does not end with a past-tense action", None),
    ("Search Results", "it does not end with a past-tense action", None),
    ("Sign Up Page", "it does not end with a past-tense action", None),
    ("News Feed", "it does not end with a past-tense action", None),
    ("Order Speed", "it does not end with a past-tense action", None),
    ("Screen Bit", "it does not end with a past-tense action", None),
    ("TV Show", "it does not end with a past-tense action", None),
    # whitespace: the same under every convention
    ("Order  Shipped", "has repeated spaces", "Order Shipped"),
    ("Order Completed ", "has trailing whitespace", "Order Completed"),
    (" Order Completed", "has leading whitespace", "Order Completed"),
    ("Order\tCompleted", "contains the whitespace character tab", "Order Completed"),
    ("Order\u200bCompleted", "contains the invisible character U+200B", "Order Completed"),
    (" order_completed", "has leading whitespace", "Order Completed"),
    ("", "is empty", None),
    ("   ", "is blank", None),
]


@pytest.mark.parametrize(("name", "detail", "suggestion"), BAD_EVENT_NAMES)
def test_bad_event_names_say_what_is_wrong_and_how_to_fix_it(
    name: str, detail: str, suggestion: str | None
) -> None:
    problem = check_event_name(name, OBJECT_ACTION)
    assert problem is not None
    assert problem.message.startswith("event name ")
    assert detail in problem.message
    assert problem.suggestion == suggestion
    if suggestion is not None:
        assert problem.hint == f'rename to "{suggestion}"'
        assert check_event_name(suggestion, OBJECT_ACTION) is None
    elif name.strip():
        assert problem.hint.startswith("rename to the object, then the action")
    else:
        assert problem.hint == "give the event a name"


def test_message_format_is_the_style_guide_one() -> None:
    problem = check_event_name("order_completed", "object-action")
    assert problem is not None
    assert problem.message == (
        'event name "order_completed" is not Object Action in Title Case: it is snake_case'
    )
    assert problem.hint == 'rename to "Order Completed"'


def test_problem_is_frozen() -> None:
    problem = check_event_name("order_completed")
    assert problem is not None
    with pytest.raises(AttributeError):
        problem.message = "changed"  # type: ignore[misc]


def test_convention_accepts_plain_strings_and_rejects_unknown_ones() -> None:
    assert check_event_name("Order Completed", "title") is None
    with pytest.raises(ValueError):
        check_event_name("Order Completed", "kebab")


# ---------------------------------------------------------------------------------------
# Event names: Title Case and any
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Purchase",
        "Order Complete",
        "Completed Checkout",
        "View Page",
        "Product Added to Wishlist",
        "Order in Progress",
        "iOS Settings",
        "API",
        "SKU",
        "Step 2",
        "Заказ Оформлен",
    ],
)
def test_title_convention_has_no_rule_on_order_or_tense(name: str) -> None:
    assert check_event_name(name, TITLE) is None


@pytest.mark.parametrize(
    ("name", "detail", "suggestion"),
    [
        ("order completed", "lower-case words", "Order Completed"),
        ("completeOrder", "it is camelCase", "Complete Order"),
        ("purchase", 'lower-case word "purchase"', "Purchase"),
        ("View  Page", "has repeated spaces", "View Page"),
        ("ORDER COMPLETED", "it is in upper case", "Order Completed"),
        ("Order to", 'lower-case word "to"', "Order To"),
        ("to Order", 'lower-case word "to"', "To Order"),
    ],
)
def test_title_convention_problems(name: str, detail: str, suggestion: str) -> None:
    problem = check_event_name(name, TITLE)
    assert problem is not None
    assert detail in problem.message
    assert problem.suggestion == suggestion
    assert check_event_name(suggestion, TITLE) is None


def test_title_message_names_the_convention() -> None:
    problem = check_event_name("order_completed", TITLE)
    assert problem is not None
    assert problem.message == 'event name "order_completed" is not Title Case: it is snake_case'


@pytest.mark.parametrize("name", ["order_completed", "completeOrder", "x", "🎉", "Order Complete"])
def test_any_convention_accepts_any_text(name: str) -> None:
    assert check_event_name(name, ANY) is None


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [(" order_completed", "order_completed"), ("a  b", "a b"), ("", None), ("\n", None)],
)
def test_any_convention_still_flags_stray_whitespace(name: str, suggestion: str | None) -> None:
    problem = check_event_name(name, ANY)
    assert problem is not None
    assert problem.suggestion == suggestion


# ---------------------------------------------------------------------------------------
# Tense
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "past"),
    [
        ("complete", "completed"),
        ("stop", "stopped"),
        ("try", "tried"),
        ("view", "viewed"),
        ("submit", "submitted"),
        ("play", "played"),
        ("apply", "applied"),
        ("open", "opened"),
        ("edit", "edited"),
        ("visit", "visited"),
        ("log", "logged"),
        ("sign", "signed"),
        ("tap", "tapped"),
        ("chat", "chatted"),
        ("ship", "shipped"),
        ("star", "starred"),
        ("fail", "failed"),
        ("fix", "fixed"),
        ("sync", "synced"),
        ("panic", "panicked"),
        ("quiz", "quizzed"),
        ("agree", "agreed"),
        ("format", "formatted"),
        ("cancel", "canceled"),
        ("travel", "traveled"),
        ("need", "needed"),
        ("send", "sent"),
        ("build", "built"),
        ("pay", "paid"),
        ("win", "won"),
        ("lose", "lost"),
        ("make", "made"),
        ("set", "set"),
        ("read", "read"),
        ("reset", "reset"),
        ("leave", "left"),
        ("begin", "begun"),
        ("show", "shown"),
        ("write", "written"),
        ("feed", "fed"),
        ("speed", "sped"),
        ("Complete", "Completed"),
        ("SEND", "SENT"),
        ("log in", "logged in"),
        ("Sign Up", "Signed Up"),
        ("completed", "completed"),
        ("", ""),
    ],
)
def test_past_tense(verb: str, past: str) -> None:
    assert past_tense(verb) == past


@pytest.mark.parametrize(
    "word",
    [
        "Completed",
        "Viewed",
        "Sent",
        "Built",
        "Paid",
        "Won",
        "Lost",
        "Made",
        "Set",
        "Read",
        "Left",
        "Began",
        "Begun",
        "Bought",
        "Caught",
        "Chosen",
        "Done",
        "Drawn",
        "Driven",
        "Fallen",
        "Felt",
        "Found",
        "Forgotten",
        "Given",
        "Gone",
        "Held",
        "Hidden",
        "Hit",
        "Kept",
        "Known",
        "Laid",
        "Led",
        "Lent",
        "Let",
        "Lit",
        "Met",
        "Put",
        "Quit",
        "Run",
        "Said",
        "Seen",
        "Shut",
        "Spent",
        "Split",
        "Spun",
        "Stood",
        "Struck",
        "Swept",
        "Taught",
        "Told",
        "Thought",
        "Thrown",
        "Understood",
        "Undone",
        "Woken",
        "Worn",
        "Withdrawn",
        "Rebuilt",
        "Resent",
        "Learnt",
        "Used",
        "COMPLETED",
    ],
)
def test_is_past_tense(word: str) -> None:
    assert is_past_tense(word)


@pytest.mark.parametrize(
    "word",
    ["Complete", "Feed", "Speed", "Need", "Bed", "Red", "Embed", "Hundred", "Bit", "Saw", "Ed", ""],
)
def test_is_not_past_tense(word: str) -> None:
    assert not is_past_tense(word)


# ---------------------------------------------------------------------------------------
# Splitting and casing
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("orderCompleted", ["order", "Completed"]),
        ("OrderCompleted", ["Order", "Completed"]),
        ("order_completed", ["order", "completed"]),
        ("order-completed", ["order", "completed"]),
        ("order.completed", ["order", "completed"]),
        ("Order  Completed ", ["Order", "Completed"]),
        ("HTTPServer", ["HTTP", "Server"]),
        ("APIKeyCreated", ["API", "Key", "Created"]),
        ("2FAEnabled", ["2FA", "Enabled"]),
        ("APIsFetched", ["APIs", "Fetched"]),
        ("iOSAppInstalled", ["iOS", "App", "Installed"]),
        ("eBayListing", ["eBay", "Listing"]),
        ("addressLine2", ["address", "Line2"]),
        ("address_line_2", ["address", "line", "2"]),
        ("getHTTP2Server", ["get", "HTTP2", "Server"]),
        ("user's profile", ["users", "profile"]),
        ("42_--terrible==\"event'++name~!3", ["42", "terrible", "event", "name", "3"]),
        ("", []),
        ("__", []),
    ],
)
def test_split_words(name: str, words: list[str]) -> None:
    assert split_words(name) == words


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("order_completed", "Order Completed"),
        ("completeOrder", "Complete Order"),
        ("api_key_created", "API Key Created"),
        ("ios_app_installed", "iOS App Installed"),
        ("2fa_enabled", "2FA Enabled"),
        ("user_id_changed", "User ID Changed"),
        ("HTTPServer", "HTTP Server"),
        ("ORDER_COMPLETED", "Order Completed"),
        ("product added to wishlist", "Product Added to Wishlist"),
        ("Order Completed", "Order Completed"),
        ("  order   completed ", "Order Completed"),
    ],
)
def test_to_title_case(name: str, title: str) -> None:
    assert to_title_case(name) == title


@pytest.mark.parametrize(
    ("name", "snake", "camel"),
    [
        ("userId", "user_id", "userId"),
        ("User ID", "user_id", "userId"),
        ("HTTPServer", "http_server", "httpServer"),
        ("address_line_2", "address_line_2", "addressLine2"),
        ("utm-source", "utm_source", "utmSource"),
        ("Café Name", "cafe_name", "cafeName"),
        ("ORDER_ID", "order_id", "orderId"),
        ("", "", ""),
    ],
)
def test_property_casing(name: str, snake: str, camel: str) -> None:
    assert to_snake_case(name) == snake
    assert to_camel_case(name) == camel


# ---------------------------------------------------------------------------------------
# Property names
# ---------------------------------------------------------------------------------------

SNAKE = PropertyConvention.SNAKE_CASE
CAMEL = PropertyConvention.CAMEL_CASE


@pytest.mark.parametrize(
    "name", ["utm_source", "address_line_2", "order_id", "revenue", "line2", "a", "x1_y2"]
)
def test_good_snake_case_properties(name: str) -> None:
    assert check_property_name(name, SNAKE) is None


@pytest.mark.parametrize("name", ["userId", "userID", "revenue", "addressLine2", "utmSource"])
def test_good_camel_case_properties(name: str) -> None:
    assert check_property_name(name, CAMEL) is None


@pytest.mark.parametrize("name", ["$set", "$email", "$current_url", "$Browser Version"])
@pytest.mark.parametrize("convention", list(PropertyConvention))
def test_dollar_properties_belong_to_destinations(
    name: str, convention: PropertyConvention
) -> None:
    assert check_property_name(name, convention) is None


@pytest.mark.parametrize(
    ("name", "convention", "detail", "suggestion"),
    [
        ("userId", SNAKE, "it is camelCase", "user_id"),
        ("UserId", SNAKE, "it is PascalCase", "user_id"),
        ("user-id", SNAKE, "it is kebab-case", "user_id"),
        ("USER_ID", SNAKE, "it is SCREAMING_SNAKE_CASE", "user_id"),
        ("User_Id", SNAKE, "it has capitals", "user_id"),
        ("order__id", SNAKE, "it has repeated underscores", "order_id"),
        ("Order Id", SNAKE, "it has spaces", "order_id"),
        ("café", SNAKE, "outside ASCII", "cafe"),
        ("2fa_enabled", SNAKE, "it starts with a digit", None),
        ("order_id_", SNAKE, "underscore", "order_id"),
        (" revenue", SNAKE, "has leading whitespace", "revenue"),
        ("user_id", CAMEL, "it is snake_case", "userId"),
        ("UserId", CAMEL, "it is PascalCase", "userId"),
        ("address_line_2", CAMEL, "it is snake_case", "addressLine2"),
        ("Revenue", CAMEL, "it starts with a capital", "revenue"),
        ("REVENUE", SNAKE, "it is in upper case", "revenue"),
        ("", SNAKE, "is empty", None),
    ],
)
def test_bad_property_names(
    name: str, convention: PropertyConvention, detail: str, suggestion: str | None
) -> None:
    problem = check_property_name(name, convention)
    assert problem is not None
    assert problem.message.startswith(f'property name "{name}"')
    assert detail in problem.message
    assert problem.suggestion == suggestion
    if suggestion is not None:
        assert check_property_name(suggestion, convention) is None


def test_property_message_format() -> None:
    problem = check_property_name("userId", "snake_case")
    assert problem is not None
    assert problem.message == 'property name "userId" is not snake_case: it is camelCase'
    assert problem.hint == 'rename to "user_id"'


def test_any_property_convention_flags_only_whitespace() -> None:
    assert check_property_name("Any Thing-Goes", PropertyConvention.ANY) is None
    problem = check_property_name("revenue ", PropertyConvention.ANY)
    assert problem is not None
    assert problem.suggestion == "revenue"


# ---------------------------------------------------------------------------------------
# Similarity
# ---------------------------------------------------------------------------------------


def test_normalize_name_ignores_case_and_separators() -> None:
    variants = ["Order Completed", "order_completed", "OrderCompleted", "order-completed"]
    assert {normalize_name(name) for name in variants} == {"ordercompleted"}


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Subscription Cancelled", "Subscription Canceled"),
        ("Catalogue Viewed", "Catalog Viewed"),
        ("Colour Changed", "Color Changed"),
        ("Favourite Added", "Favorite Added"),
        ("Organisation Created", "Organization Created"),
        ("Report Customised", "Report Customized"),
        ("Data Analysed", "Data Analyzed"),
        ("Licence Renewed", "License Renewed"),
        ("Centre Visited", "Center Visited"),
        ("Model Modelled", "Model Modeled"),
        ("Trip Travelled", "Trip Traveled"),
        ("Photo Labelled", "Photo Labeled"),
        ("Behaviour Tracked", "Behavior Tracked"),
        ("Programme Joined", "Program Joined"),
    ],
)
def test_normalize_name_folds_british_spelling(british: str, american: str) -> None:
    assert normalize_name(british) == normalize_name(american)
    assert are_near_duplicates(british, american) == "British/American spelling"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("Order Completed", "order_completed", "same after normalising case and separators"),
        ("Order Completed", "OrderCompleted", "same after normalising case and separators"),
        ("Event Collided", "event_collided", "same after normalising case and separators"),
        ("check_in", "checkin", "same after normalising case and separators"),
        ("Sign Up Started", "Signup Started", "same after normalising case and separators"),
        ("Subscription Cancelled", "Subscription Canceled", "British/American spelling"),
        ("Order Completed", "Orders Completed", "one edit apart"),
        ("Order Completed", "Order Complete", "one edit apart"),
        ("Email Sent", "Email Send", "one edit apart"),
        ("Product Viewed", "Prodcut Viewed", None),  # a swap is two edits
        ("Checkout Started", "Checkout Startd", "one edit apart"),
        ("Café Visited", "Cafe Visited", "one edit apart"),
    ],
)
def test_near_duplicates(a: str, b: str, reason: str | None) -> None:
    assert are_near_duplicates(a, b) == reason
    assert are_near_duplicates(b, a) == reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Order Completed", "Order Completed"),
        ("Step 1 Completed", "Step 2 Completed"),
        ("Step 1 Completed", "Step 10 Completed"),
        ("Level 3 Reached", "Level 4 Reached"),
        ("Goal Set", "Goal Met"),
        ("Deal Won", "Deal Lost"),
        ("Order Completed", "Order Shipped"),
        ("Trial Started", "Trial Ended"),
        ("abc", "abd"),
        ("ab", "abc"),
        ("!!!", "???"),
        ("", "Order Completed"),
    ],
)
def test_not_near_duplicates(a: str, b: str) -> None:
    assert are_near_duplicates(a, b) is None
    assert are_near_duplicates(b, a) is None


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("kitten", "sitting", 5, 3),
        ("kitten", "sitting", 3, 3),
        ("kitten", "sitting", 2, 3),
        ("kitten", "sitting", 0, 1),
        ("", "abc", 5, 3),
        ("abc", "", 1, 2),
        ("flaw", "lawn", 2, 2),
        ("same", "same", 0, 0),
        ("a" * 1000, "a" * 999 + "b", 1, 1),
    ],
)
def test_edit_distance(a: str, b: str, limit: int, distance: int) -> None:
    assert edit_distance(a, b, limit) == distance


def test_edit_distance_rejects_negative_limit() -> None:
    with pytest.raises(ValueError):
        edit_distance("a", "b", -1)


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


@settings(max_examples=300, deadline=None)
@given(st.text("abcd", max_size=12), st.text("abcd", max_size=12), st.integers(0, 6))
def test_edit_distance_matches_levenshtein_up_to_the_limit(a: str, b: str, limit: int) -> None:
    assert edit_distance(a, b, limit) == min(_levenshtein(a, b), limit + 1)


TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"]
KEYS = ["type", "required", "description", "enum", "pattern", "format", "properties", "pii"]


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("nmber", TYPES, "number"),
        ("intger", TYPES, "integer"),
        ("bool", TYPES, "boolean"),
        ("Number", TYPES, "number"),
        ("requird", KEYS, "required"),
        ("tpye", KEYS, "type"),
        ("descripton", KEYS, "description"),
        ("proprties", KEYS, "properties"),
        ("zzz", KEYS, None),
        ("type", KEYS, "type"),
        ("fail-on", ["fail-on", "fail_on"], "fail-on"),
        ("", KEYS, None),
        ("type", [], None),
    ],
)
def test_did_you_mean(word: str, candidates: list[str], expected: str | None) -> None:
    assert did_you_mean(word, candidates) == expected


# ---------------------------------------------------------------------------------------
# Properties of the checks, on generated names
# ---------------------------------------------------------------------------------------

OBJECTS = ["Order", "Team Member", "API Key", "Product", "Cart", "Invoice", "iOS App", "Step 2"]
VERBS = ["complete", "view", "send", "build", "submit", "pay", "share", "log in", "reset", "add"]
STYLES = ["title", "snake", "camel", "pascal", "kebab", "lower", "upper", "verb-first", "present"]


def _styled(obj: str, verb: str, style: str) -> str:
    words = [*obj.split(), *past_tense(verb).split()]
    if style == "verb-first":
        return " ".join([*verb.title().split(), *obj.split()])
    if style == "present":
        return " ".join([*obj.split(), *verb.title().split()])
    if style == "snake":
        return "_".join(word.lower() for word in words)
    if style == "kebab":
        return "-".join(word.lower() for word in words)
    if style == "camel":
        return words[0].lower() + "".join(word.capitalize() for word in words[1:])
    if style == "pascal":
        return "".join(word[0].upper() + word[1:] for word in words)
    if style == "lower":
        return " ".join(words).lower()
    if style == "upper":
        return " ".join(words).upper()
    return " ".join(word[0].upper() + word[1:] for word in words)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(OBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(STYLES),
    st.sampled_from(list(EventConvention)),
)
def test_every_suggestion_passes_its_own_check(
    obj: str, verb: str, style: str, convention: EventConvention
) -> None:
    name = _styled(obj, verb, style)
    problem = check_event_name(name, convention)
    if problem is not None and problem.suggestion is not None:
        assert check_event_name(problem.suggestion, convention) is None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(OBJECTS), st.sampled_from(VERBS), st.sampled_from(STYLES))
def test_generated_names_get_a_rename_or_pass(obj: str, verb: str, style: str) -> None:
    # A verb first is moved only when it is surely a verb: not "Log In Page", "Build Step 2".
    assume(style != "verb-first" or (" " not in verb and verb not in NOUNISH_VERBS))
    name = _styled(obj, verb, style)
    problem = check_event_name(name, OBJECT_ACTION)
    if problem is not None:
        assert problem.suggestion is not None, problem.message
    assert normalize_name(name) or not name


@settings(max_examples=500, deadline=None)
@given(st.text(), st.sampled_from(list(EventConvention)))
def test_check_event_name_never_raises(name: str, convention: EventConvention) -> None:
    problem = check_event_name(name, convention)
    if problem is not None:
        assert problem.message and problem.hint
        if problem.suggestion is not None:
            assert problem.suggestion != name
            assert check_event_name(problem.suggestion, convention) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Order", "order", "Completed", "to", "In", "API", "🎉", " ", "_", "x"]),
        max_size=8,
    ).map("".join),
    st.sampled_from(list(EventConvention)),
)
def test_word_soup_suggestions_pass(name: str, convention: EventConvention) -> None:
    problem = check_event_name(name, convention)
    if problem is not None and problem.suggestion is not None:
        assert check_event_name(problem.suggestion, convention) is None


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(list(PropertyConvention)))
def test_check_property_name_never_raises(name: str, convention: PropertyConvention) -> None:
    problem = check_property_name(name, convention)
    if problem is not None and problem.suggestion is not None:
        assert check_property_name(problem.suggestion, convention) is None


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_near_duplicates_is_symmetric_and_never_raises(a: str, b: str) -> None:
    assert are_near_duplicates(a, b) == are_near_duplicates(b, a)
    split_words(a)
    to_title_case(a)
    did_you_mean(a, [b, "number"])


def test_very_long_names_are_fast() -> None:
    names = [
        "Order " * 5000 + "Completed",
        "order_" * 5000 + "completed",
        "Completed " * 5000,
        "In " * 5000,
        "x" * 100_000,
        "🎉" * 10_000,
    ]
    started = time.perf_counter()
    for name in names:
        for convention in EventConvention:
            check_event_name(name, convention)
        check_property_name(name)
        are_near_duplicates(name, name + "s")
    assert time.perf_counter() - started < 2
