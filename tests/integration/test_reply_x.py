"""The responder's reply to a complainant over real HTTP against the fake X API (no Kafka): off by default,
posted as a threaded reply with the docket number when a token is set and replies are on."""

from __future__ import annotations

import json

import pytest
from pydantic import SecretStr

from producers.casebook import Docket
from producers.responder import Replier
from seva.errors import ConfigError, ReplyError
from seva.events import Complaint, RawTweet, parse_created_at
from seva.settings import XSettings
from tests.fakes.x_api import DEFAULT_TOKEN, FakeXApi


def docket_for(tweet: dict[str, str]) -> Docket:
    raw = RawTweet(id=tweet["id"], text=tweet["text"], created_at=tweet["created_at"], author_id=tweet["author_id"],
                   conversation_id=tweet["conversation_id"], in_reply_to_user_id=None, referenced_tweets=[],
                   lang="hi", mentions=[], hashtags=[], geo=None, author_username="ramesh", author_location=None,
                   source="x_stream", received_at=tweet["created_at"], payload="{}")
    complaint = Complaint(docket_id="SV-TESTDOCK", tweet=raw, category="theft_fraud", urgency="P3",
                          district="lucknow", range="lucknow", zone="lucknow", reasons=[], fingerprint="f",
                          classified_at=tweet["created_at"])
    return Docket(complaint, parse_created_at(raw.created_at))


def test_dry_run_is_the_default_and_sends_nothing() -> None:
    with FakeXApi() as x:
        x.add_user("uppolice")
        x.add_user("ramesh")
        tweet = x.add_tweet("chain snatching near Hazratganj", author="ramesh")
        line = Replier(XSettings(reply_token=SecretStr(DEFAULT_TOKEN)), send=False, api_base=x.url).reply(
            docket_for(tweet))
        assert "dry run" in line and "SV-TESTDOCK" in line
        assert x.requests == []


def test_reply_is_posted_in_the_complainants_thread_with_the_docket_number() -> None:
    with FakeXApi() as x:
        x.add_user("uppolice")
        x.add_user("ramesh")
        tweet = x.add_tweet("chain snatching near Hazratganj", author="ramesh")
        replier = Replier(XSettings(reply_token=SecretStr(DEFAULT_TOKEN)), send=True, api_base=x.url)
        line = replier.reply(docket_for(tweet))
        [request] = x.requests_to("create")
        assert request.status == 201 and request.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}"
        body = json.loads(request.body)
        assert body["reply"] == {"in_reply_to_tweet_id": tweet["id"]}
        assert "SV-TESTDOCK" in body["text"] and "लखनऊ पुलिस" in body["text"] and "Lucknow Police" in body["text"]
        [posted] = x.created
        assert posted["conversation_id"] == tweet["conversation_id"]
        assert line.startswith(f"replied to tweet {tweet['id']} with tweet {posted['id']}")


def test_a_rejected_token_is_a_reply_error_and_a_missing_token_a_config_error() -> None:
    with FakeXApi() as x:
        x.add_user("uppolice")
        x.add_user("ramesh")
        tweet = x.add_tweet("chain snatching near Hazratganj", author="ramesh")
        replier = Replier(XSettings(reply_token=SecretStr("revoked")), send=True, api_base=x.url)
        with pytest.raises(ReplyError, match="SV-TESTDOCK was acknowledged, but the reply"):
            replier.reply(docket_for(tweet))
        assert x.created == []
    with pytest.raises(ConfigError, match="SEVA_X__REPLY_TOKEN"):
        Replier(XSettings(), send=True)
