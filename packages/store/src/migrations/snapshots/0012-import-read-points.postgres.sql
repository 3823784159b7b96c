--
-- PostgreSQL database dump
--

\restrict vsCxEbrq2DbvZDBRLLeyD3yhCw5vzQfjgDy6erqqHGbJUPKKZNwOIewYVk0ZdID

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: kith_snapshot; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA kith_snapshot;


--
-- Name: follow_up_habit_clear(); Type: FUNCTION; Schema: kith_snapshot; Owner: -
--

CREATE FUNCTION kith_snapshot.follow_up_habit_clear() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
        DECLARE acct text; at text;
        BEGIN
          IF TG_OP = 'DELETE' THEN acct := OLD.account_id; at := OLD.completed_at;
          ELSIF TG_OP = 'INSERT' THEN acct := NEW.account_id; at := NEW.completed_at;
          ELSE acct := NEW.account_id; at := LEAST(OLD.completed_at, NEW.completed_at);
          END IF;
          IF at IS NOT NULL THEN UPDATE account SET habit_weeks = NULL, habit_weeks_from_at = NULL
         WHERE id = acct AND habit_weeks_from_at > at; END IF;
          RETURN NULL;
        END $$;


--
-- Name: interaction_habit_clear(); Type: FUNCTION; Schema: kith_snapshot; Owner: -
--

CREATE FUNCTION kith_snapshot.interaction_habit_clear() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
        DECLARE acct text; at text;
        BEGIN
          IF TG_OP = 'DELETE' THEN acct := OLD.account_id; at := OLD.occurred_at;
          ELSIF TG_OP = 'INSERT' THEN acct := NEW.account_id; at := NEW.occurred_at;
          ELSE acct := NEW.account_id; at := LEAST(OLD.occurred_at, NEW.occurred_at);
          END IF;
          IF at IS NOT NULL THEN UPDATE account SET habit_weeks = NULL, habit_weeks_from_at = NULL
         WHERE id = acct AND habit_weeks_from_at > at; END IF;
          RETURN NULL;
        END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.account (
    id text NOT NULL,
    name text NOT NULL,
    time_zone text NOT NULL,
    country text,
    settings text NOT NULL,
    created_at text NOT NULL,
    habit_weeks text,
    habit_weeks_from_at text
);


--
-- Name: api_token; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.api_token (
    id text NOT NULL,
    account_id text NOT NULL,
    user_id text NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    token_hash text NOT NULL,
    created_at text NOT NULL,
    last_used_at text,
    revoked_at text
);


--
-- Name: auth_account; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.auth_account (
    id text NOT NULL,
    "accountId" text NOT NULL,
    "providerId" text NOT NULL,
    "userId" text NOT NULL,
    "accessToken" text,
    "refreshToken" text,
    "idToken" text,
    "accessTokenExpiresAt" timestamp with time zone,
    "refreshTokenExpiresAt" timestamp with time zone,
    scope text,
    password text,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL
);


--
-- Name: calendar_feed; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.calendar_feed (
    account_id text NOT NULL,
    user_id text NOT NULL,
    token_hash text NOT NULL,
    created_at text NOT NULL
);


--
-- Name: company; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.company (
    id text NOT NULL,
    account_id text NOT NULL,
    name text NOT NULL,
    domain text,
    target integer NOT NULL,
    notes text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: contact; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.contact (
    id text NOT NULL,
    account_id text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    display_name text NOT NULL,
    sort_name text NOT NULL,
    emails text NOT NULL,
    phones text NOT NULL,
    links text NOT NULL,
    company_id text,
    title text NOT NULL,
    tags text NOT NULL,
    interests text NOT NULL,
    how_we_met text NOT NULL,
    notes text NOT NULL,
    birthday_month integer,
    birthday_day integer,
    birthday_year integer,
    circle text NOT NULL,
    time_zone text,
    last_touch_at text,
    touch_count integer NOT NULL,
    archived_at text,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    search_text text NOT NULL,
    last_reply_at text,
    unanswered_attempt_ats text DEFAULT '[]'::text NOT NULL,
    next_due_on text,
    recompute_on text,
    due_item text,
    muted integer DEFAULT 0 NOT NULL,
    cadence_ideal_days integer,
    cadence_max_days integer,
    snoozed_until_on text,
    moved_on_at text,
    move_on_note text,
    circle_before_move_on text,
    due_priority integer
);


--
-- Name: contact_merge; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.contact_merge (
    id text NOT NULL,
    account_id text NOT NULL,
    kept_id text NOT NULL,
    merged_id text NOT NULL,
    record text NOT NULL,
    merged_at text NOT NULL,
    undone_at text
);


--
-- Name: contact_tag; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.contact_tag (
    account_id text NOT NULL,
    contact_id text NOT NULL,
    tag text NOT NULL
);


--
-- Name: delivery; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.delivery (
    account_id text NOT NULL,
    kind text NOT NULL,
    period text NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    lease_owner text,
    lease_until_at text,
    next_attempt_at text,
    last_error text,
    sent_at text,
    created_at text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: digest_record; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.digest_record (
    account_id text NOT NULL,
    kind text NOT NULL,
    period text NOT NULL,
    items text NOT NULL,
    created_at text NOT NULL
);


--
-- Name: follow_up; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.follow_up (
    id text NOT NULL,
    account_id text NOT NULL,
    contact_id text NOT NULL,
    due_on text NOT NULL,
    title text NOT NULL,
    notes text NOT NULL,
    status text NOT NULL,
    snoozed_until_on text,
    completed_at text,
    interaction_id text,
    opportunity_id text,
    ask_id text,
    created_at text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: import_job; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.import_job (
    id text NOT NULL,
    account_id text NOT NULL,
    format text NOT NULL,
    file_name text NOT NULL,
    status text NOT NULL,
    total_rows integer NOT NULL,
    processed_rows integer NOT NULL,
    created_count integer NOT NULL,
    merged_count integer NOT NULL,
    skipped_count integer NOT NULL,
    failed_count integer NOT NULL,
    row_outcomes text NOT NULL,
    error text,
    mapping text,
    created_by text,
    lease_owner text,
    lease_until_at text,
    attempts integer NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    finished_at text,
    total_chars integer DEFAULT 0 NOT NULL,
    processed_chars integer DEFAULT 0 NOT NULL,
    read_from text
);


--
-- Name: import_job_chunk; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.import_job_chunk (
    account_id text NOT NULL,
    job_id text NOT NULL,
    start_row integer NOT NULL,
    row_outcomes text NOT NULL
);


--
-- Name: import_job_file; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.import_job_file (
    job_id text NOT NULL,
    account_id text NOT NULL,
    content text NOT NULL
);


--
-- Name: interaction; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.interaction (
    id text NOT NULL,
    account_id text NOT NULL,
    kind text NOT NULL,
    direction text NOT NULL,
    occurred_at text NOT NULL,
    summary text NOT NULL,
    meaningful integer NOT NULL,
    source text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: interaction_contact; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.interaction_contact (
    account_id text NOT NULL,
    interaction_id text NOT NULL,
    contact_id text NOT NULL,
    occurred_at text NOT NULL,
    direction text NOT NULL,
    meaningful integer NOT NULL
);


--
-- Name: kysely_migration; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.kysely_migration (
    name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL
);


--
-- Name: kysely_migration_lock; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.kysely_migration_lock (
    id character varying(255) NOT NULL,
    is_locked integer DEFAULT 0 NOT NULL
);


--
-- Name: membership; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.membership (
    account_id text NOT NULL,
    user_id text NOT NULL,
    role text NOT NULL,
    created_at text NOT NULL
);


--
-- Name: notify_setting; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.notify_setting (
    account_id text NOT NULL,
    digest text NOT NULL,
    hour integer NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: rate_limit; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.rate_limit (
    key text NOT NULL,
    count integer NOT NULL,
    reset_at text NOT NULL
);


--
-- Name: reply_answer; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.reply_answer (
    account_id text NOT NULL,
    reply_key text NOT NULL,
    mail text NOT NULL,
    created_at text NOT NULL
);


--
-- Name: session; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.session (
    id text NOT NULL,
    "expiresAt" timestamp with time zone NOT NULL,
    token text NOT NULL,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "ipAddress" text,
    "userAgent" text,
    "userId" text NOT NULL
);


--
-- Name: user; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot."user" (
    id text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    "emailVerified" boolean NOT NULL,
    image text,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL
);


--
-- Name: verification; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.verification (
    id text NOT NULL,
    identifier text NOT NULL,
    value text NOT NULL,
    "expiresAt" timestamp with time zone NOT NULL,
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL
);


--
-- Name: webhook; Type: TABLE; Schema: kith_snapshot; Owner: -
--

CREATE TABLE kith_snapshot.webhook (
    id text NOT NULL,
    account_id text NOT NULL,
    url text NOT NULL,
    format text NOT NULL,
    secret text NOT NULL,
    created_at text NOT NULL
);


--
-- Data for Name: account; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.account VALUES ('id-000002', 'Bo''s network', 'Europe/Madrid', NULL, '{}', '2026-12-06T10:00:00.000Z', NULL, NULL);
INSERT INTO kith_snapshot.account VALUES ('id-000001', 'Ana Ñúñez''s network', 'Europe/Madrid', NULL, '{"engine":{"circles":{"inner":{"mode":"cadence","idealDays":14,"maxDays":21},"close":{"mode":"cadence","idealDays":30,"maxDays":45},"network":{"mode":"cadence","idealDays":90,"maxDays":120},"acquaintance":{"mode":"cadence","idealDays":180,"maxDays":270},"occasions-only":{"mode":"occasions-only"},"none":{"mode":"none"}},"nudgeScheduleDays":[3,7,14],"moveOnAfter":3,"connectionTarget":7,"dailyCap":7,"weeklyGoal":2,"weekStartsOn":1,"region":null,"holidayCircles":["inner","close"],"greetingHolidays":["new year","thanksgiving","christmas"],"holidayLeadDays":3,"occasionLeadDays":3},"muted":false,"mutedTags":[],"tagCadences":{}}', '2026-12-06T10:00:00.000Z', NULL, NULL);


--
-- Data for Name: api_token; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.api_token VALUES ('id-000089', 'id-000001', 'user-ana', 'laptop', 'kith_test000', 'hash:1000000000000000000000000000tset_htik', '2026-12-06T10:00:00.000Z', NULL, NULL);


--
-- Data for Name: auth_account; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: calendar_feed; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: company; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.company VALUES ('id-000003', 'id-000001', 'Société Générale 🏦', 'socgen.example', 1, '', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.company VALUES ('id-000004', 'id-000001', '=cmd|'' /C calc''!A0', NULL, 0, '', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');


--
-- Data for Name: contact; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.contact VALUES ('id-000010', 'id-000001', '+1 555', '@Formula', '+1 555 @Formula', '1 555 formula', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '=SUM(A1:A9)

**bold** <b>raw</b>', NULL, NULL, NULL, 'network', NULL, '2026-06-29T10:00:00.000Z', 5, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', '1 555 formula', '2026-06-29T10:00:00.000Z', '[]', '2026-08-13', NULL, '{"contactId":"id-000010","displayName":"+1 555 @Formula","circle":"network","reasonKind":"cadence-overdue","nextDueOn":"2026-08-13","detail":{"kind":"cadence","anchorOn":"2026-06-29","anchor":"last-touch","idealDays":45,"maxDays":60,"overdueOn":"2026-08-29","source":"circle"},"alsoDue":[],"connection":{"touches":5,"target":7,"stage":"building","remaining":2},"recomputeOn":null}', 0, NULL, NULL, NULL, NULL, NULL, NULL, 599);
INSERT INTO kith_snapshot.contact VALUES ('id-000013', 'id-000001', 'Muted', 'Mo', 'Muted Mo', 'muted mo', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, '2026-08-19T13:00:00.000Z', 7, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'muted mo', '2026-08-19T13:00:00.000Z', '[]', NULL, NULL, NULL, 1, 10, 20, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000014', 'id-000001', 'Long', 'Notes', 'Long Notes', 'long notes', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '# Notes

Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
Line with ✨ and "quotes".
', NULL, NULL, NULL, 'network', NULL, '2026-09-05T14:00:00.000Z', 6, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'long notes', '2026-09-05T14:00:00.000Z', '[]', '2026-10-20', '2026-12-07', '{"contactId":"id-000014","displayName":"Long Notes","circle":"network","reasonKind":"cadence-overdue","nextDueOn":"2026-10-20","detail":{"kind":"cadence","anchorOn":"2026-09-05","anchor":"last-touch","idealDays":45,"maxDays":60,"overdueOn":"2026-11-05","source":"circle"},"alsoDue":[],"connection":{"touches":6,"target":7,"stage":"building","remaining":1},"recomputeOn":null}', 0, NULL, NULL, NULL, NULL, NULL, NULL, 471);
INSERT INTO kith_snapshot.contact VALUES ('id-000008', 'id-000001', '李', '小龍', '李 小龍', '李 小龍', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'occasions-only', 'Asia/Shanghai', '2026-11-16T10:00:00.000Z', 8, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', '李 小龍', '2026-05-26T13:00:00.000Z', '["2026-10-27T10:00:00.000Z","2026-11-06T10:00:00.000Z","2026-11-16T10:00:00.000Z"]', NULL, NULL, NULL, 0, NULL, NULL, NULL, '2026-12-06T10:00:00.000Z', 'Moved to occasions-only: no reply to 3 messages since 2026-10-27.', 'acquaintance', NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000007', 'id-000001', 'محمد', 'العلي', 'محمد العلي', 'محمد العلي', '[]', '[]', '[]', NULL, '', '[]', '["شعر","tea"]', '', '', NULL, NULL, NULL, 'network', NULL, '2026-05-09T12:00:00.000Z', 5, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'محمد العلي', '2026-05-09T12:00:00.000Z', '[]', '2026-06-23', '2026-12-20', '{"contactId":"id-000007","displayName":"محمد العلي","circle":"network","reasonKind":"cadence-overdue","nextDueOn":"2026-06-23","detail":{"kind":"cadence","anchorOn":"2026-05-09","anchor":"last-touch","idealDays":45,"maxDays":60,"overdueOn":"2026-07-09","source":"circle"},"alsoDue":[],"connection":{"touches":5,"target":7,"stage":"building","remaining":2},"recomputeOn":"2026-12-20"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, 599);
INSERT INTO kith_snapshot.contact VALUES ('id-000009', 'id-000001', 'Renée', '', 'Renée', 'renee', '[]', '[]', '[]', 'id-000004', 'Ingénieure', '[]', '[]', 'Conférence à Lyon', '', 2, 29, 1988, 'network', NULL, '2025-12-24T14:00:00.000Z', 5, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'renee cmd c calc a0 ingenieure', '2025-12-24T14:00:00.000Z', '[]', '2026-02-07', '2027-02-25', '{"contactId":"id-000009","displayName":"Renée","circle":"network","reasonKind":"cadence-overdue","nextDueOn":"2026-02-07","detail":{"kind":"cadence","anchorOn":"2025-12-24","anchor":"last-touch","idealDays":45,"maxDays":60,"overdueOn":"2026-02-23","source":"circle"},"alsoDue":[],"connection":{"touches":5,"target":7,"stage":"building","remaining":2},"recomputeOn":"2027-02-25"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, 599);
INSERT INTO kith_snapshot.contact VALUES ('id-000006', 'id-000001', 'Zoë', 'O''Brien-Łukasz', 'Zoë O''Brien-Łukasz', 'zoe o brien łukasz', '[]', '[]', '[]', NULL, '', '["family","🎉"]', '[]', '', '', NULL, NULL, NULL, 'close', NULL, '2026-12-06T10:00:00.000Z', 8, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'zoe o brien łukasz family', '2025-11-03T11:00:00.000Z', '["2026-04-22T11:00:00.000Z","2026-12-06T10:00:00.000Z"]', '2027-01-05', '2027-01-05', '{"contactId":"id-000006","displayName":"Zoë O''Brien-Łukasz","circle":"close","reasonKind":"cadence-due","nextDueOn":"2027-01-05","detail":{"kind":"cadence","anchorOn":"2026-12-06","anchor":"last-touch","idealDays":30,"maxDays":45,"overdueOn":"2027-01-21","source":"circle"},"alsoDue":[],"connection":{"touches":8,"target":7,"stage":"connected","remaining":0},"recomputeOn":"2027-01-05"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000005', 'id-000001', 'José', 'Ñúñez', 'José Ñúñez', 'jose nunez', '[]', '[]', '[]', 'id-000003', '', '[]', '[]', '', '', NULL, NULL, NULL, 'inner', NULL, '2026-12-06T10:00:00.000Z', 7, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'jose nunez societe generale', '2026-12-06T10:00:00.000Z', '[]', '2026-12-10', '2026-12-10', '{"contactId":"id-000005","displayName":"José Ñúñez","circle":"inner","reasonKind":"follow-up-due","nextDueOn":"2026-12-10","detail":{"kind":"follow-up","followUpId":"id-000078","title":"Ask about the move 🏠","origin":"follow-up","snoozed":false},"alsoDue":[],"connection":{"touches":7,"target":7,"stage":"connected","remaining":0},"recomputeOn":"2026-12-10"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000011', 'id-000001', 'Ann', 'Lee', 'Ann Lee', 'ann lee', '[{"address":"ann@example.com","label":"work"},{"address":"ann.lee@example.org"}]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, '2026-08-02T12:00:00.000Z', 11, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'ann lee ann example com ann lee example org', '2026-07-16T11:00:00.000Z', '["2026-08-02T12:00:00.000Z"]', '2026-08-05', NULL, '{"contactId":"id-000011","displayName":"Ann Lee","circle":"network","reasonKind":"outreach-unanswered","nextDueOn":"2026-08-05","detail":{"kind":"outreach","sentOn":"2026-08-02","lastAttemptOn":"2026-08-02","nudgeNumber":3,"nudgeCount":3,"unansweredAttempts":1,"suggestMoveOn":false,"moveOnOn":null},"alsoDue":["cadence-overdue"],"connection":{"touches":11,"target":7,"stage":"connected","remaining":0},"recomputeOn":null}', 0, NULL, NULL, NULL, NULL, NULL, NULL, 799);
INSERT INTO kith_snapshot.contact VALUES ('id-000086', 'id-000001', 'Élodie', 'Brûlé', 'Élodie Brûlé', 'elodie brule', '[{"address":"elodie@example.fr"}]', '[]', '[]', 'id-000003', '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, NULL, 0, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'elodie brule elodie example fr societe generale', NULL, '[]', '2027-03-06', '2027-03-06', '{"contactId":"id-000086","displayName":"Élodie Brûlé","circle":"network","reasonKind":"cadence-due","nextDueOn":"2027-03-06","detail":{"kind":"cadence","anchorOn":"2026-12-06","anchor":"created","idealDays":90,"maxDays":120,"overdueOn":"2027-04-06","source":"circle"},"alsoDue":[],"connection":{"touches":0,"target":7,"stage":"new","remaining":7},"recomputeOn":"2027-03-06"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000087', 'id-000001', 'Keanu', '', 'Keanu', 'keanu', '[{"address":"keanu@example.com"}]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, NULL, 0, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'keanu keanu example com', NULL, '[]', '2027-03-06', '2027-03-06', '{"contactId":"id-000087","displayName":"Keanu","circle":"network","reasonKind":"cadence-due","nextDueOn":"2027-03-06","detail":{"kind":"cadence","anchorOn":"2026-12-06","anchor":"created","idealDays":90,"maxDays":120,"overdueOn":"2027-04-06","source":"circle"},"alsoDue":[],"connection":{"touches":0,"target":7,"stage":"new","remaining":7},"recomputeOn":"2027-03-06"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000088', 'id-000001', 'Nameless', '', 'Nameless', 'nameless', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, NULL, 0, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'nameless', NULL, '[]', '2027-03-06', '2027-03-06', '{"contactId":"id-000088","displayName":"Nameless","circle":"network","reasonKind":"cadence-due","nextDueOn":"2027-03-06","detail":{"kind":"cadence","anchorOn":"2026-12-06","anchor":"created","idealDays":90,"maxDays":120,"overdueOn":"2027-04-06","source":"circle"},"alsoDue":[],"connection":{"touches":0,"target":7,"stage":"new","remaining":7},"recomputeOn":"2027-03-06"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO kith_snapshot.contact VALUES ('id-000090', 'id-000002', 'José', 'Ñúñez', 'José Ñúñez', 'jose nunez', '[]', '[]', '[]', NULL, '', '[]', '[]', '', '', NULL, NULL, NULL, 'network', NULL, '2026-12-01T10:00:00.000Z', 1, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 'jose nunez', '2026-12-01T10:00:00.000Z', '[]', '2027-01-15', '2027-01-15', '{"contactId":"id-000090","displayName":"José Ñúñez","circle":"network","reasonKind":"cadence-due","nextDueOn":"2027-01-15","detail":{"kind":"cadence","anchorOn":"2026-12-01","anchor":"last-touch","idealDays":45,"maxDays":60,"overdueOn":"2027-01-31","source":"circle"},"alsoDue":[],"connection":{"touches":1,"target":7,"stage":"building","remaining":6},"recomputeOn":"2027-01-15"}', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: contact_merge; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.contact_merge VALUES ('id-000083', 'id-000001', 'id-000011', 'id-000012', '{"id":"id-000083","keptId":"id-000011","mergedId":"id-000012","keptBefore":{"id":"id-000011","firstName":"Ann","lastName":"Lee","displayName":"Ann Lee","emails":[{"address":"ann@example.com","label":"work"}],"phones":[],"links":[],"companyId":null,"title":"","tags":[],"interests":[],"howWeMet":"","notes":"","birthday":null,"circle":"network","timeZone":null,"muted":false,"cadenceOverride":null,"lastTouchAt":"2026-07-16T11:00:00.000Z","touchCount":6,"nextDueOn":"2026-08-30","dueReason":"cadence-overdue","snoozedUntilOn":null,"movedOnAt":null,"moveOnNote":null,"circleBeforeMoveOn":null,"archivedAt":null,"createdAt":"2026-12-06T10:00:00.000Z","updatedAt":"2026-12-06T10:00:00.000Z"},"mergedBefore":{"id":"id-000012","firstName":"Ann","lastName":"Lee","displayName":"Ann Lee","emails":[{"address":"ann.lee@example.org"}],"phones":[],"links":[],"companyId":null,"title":"","tags":[],"interests":[],"howWeMet":"","notes":"","birthday":null,"circle":"network","timeZone":null,"muted":false,"cadenceOverride":null,"lastTouchAt":"2026-08-02T12:00:00.000Z","touchCount":6,"nextDueOn":"2026-08-05","dueReason":"outreach-unanswered","snoozedUntilOn":null,"movedOnAt":null,"moveOnNote":null,"circleBeforeMoveOn":null,"archivedAt":null,"createdAt":"2026-12-06T10:00:00.000Z","updatedAt":"2026-12-06T10:00:00.000Z"},"interactions":[{"id":"id-000072","contactIds":["id-000012"]},{"id":"id-000062","contactIds":["id-000012"]},{"id":"id-000052","contactIds":["id-000012"]},{"id":"id-000051","contactIds":["id-000011","id-000012"]},{"id":"id-000042","contactIds":["id-000012","id-000013"]},{"id":"id-000032","contactIds":["id-000012"]},{"id":"id-000022","contactIds":["id-000012"]}],"followUpIds":[],"keptUpdatedAt":"2026-12-06T10:00:00.000Z","mergedAt":"2026-12-06T10:00:00.000Z","undoneAt":null}', '2026-12-06T10:00:00.000Z', NULL);


--
-- Data for Name: contact_tag; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.contact_tag VALUES ('id-000001', 'id-000006', 'family');
INSERT INTO kith_snapshot.contact_tag VALUES ('id-000001', 'id-000006', '🎉');


--
-- Data for Name: delivery; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: digest_record; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: follow_up; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.follow_up VALUES ('id-000078', 'id-000001', 'id-000005', '2026-12-10', 'Ask about the move 🏠', '', 'open', NULL, NULL, NULL, NULL, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.follow_up VALUES ('id-000079', 'id-000001', 'id-000006', '2026-11-20', 'Send the article', '', 'done', NULL, '2026-12-06T10:00:00.000Z', 'id-000080', NULL, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.follow_up VALUES ('id-000081', 'id-000001', 'id-000007', '2026-12-01', 'Call back', '', 'snoozed', '2026-12-20', NULL, NULL, NULL, NULL, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');


--
-- Data for Name: import_job; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.import_job VALUES ('id-000085', 'id-000001', 'csv', 'contacts (1).csv', 'committed', 3, 3, 3, 0, 0, 0, '[]', NULL, '{"First Name":"firstName","Last Name":"lastName","Email":"email","Company":"company"}', 'user-ana', NULL, NULL, 1, '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z', 124, 124, '{"offset":124,"line":5,"headers":["First Name","Last Name","Email","Company"]}');


--
-- Data for Name: import_job_chunk; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.import_job_chunk VALUES ('id-000001', 'id-000085', 0, '[{"line":2,"outcome":"created","contactId":"id-000086","reason":"new contact"},{"line":3,"outcome":"created","contactId":"id-000087","reason":"new contact"},{"line":4,"outcome":"created","contactId":"id-000088","reason":"new contact"}]');


--
-- Data for Name: import_job_file; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: interaction; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.interaction VALUES ('id-000015', 'id-000001', 'email', 'outbound', '2023-12-07T10:00:00.000Z', 'Talked about 📚 and “quotes” #0', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000016', 'id-000001', 'call', 'inbound', '2023-12-24T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000017', 'id-000001', 'meeting', 'mutual', '2024-01-10T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000018', 'id-000001', 'message', 'outbound', '2024-01-27T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000019', 'id-000001', 'letter', 'inbound', '2024-02-13T14:00:00.000Z', 'Talked about 📚 and “quotes” #4', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000020', 'id-000001', 'social', 'mutual', '2024-03-01T10:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000021', 'id-000001', 'other', 'outbound', '2024-03-18T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000023', 'id-000001', 'call', 'mutual', '2024-04-21T13:00:00.000Z', 'Talked about 📚 and “quotes” #8', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000024', 'id-000001', 'meeting', 'outbound', '2024-05-08T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000025', 'id-000001', 'message', 'inbound', '2024-05-25T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000026', 'id-000001', 'letter', 'mutual', '2024-06-11T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000027', 'id-000001', 'social', 'outbound', '2024-06-28T12:00:00.000Z', 'Talked about 📚 and “quotes” #12', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000028', 'id-000001', 'other', 'inbound', '2024-07-15T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000029', 'id-000001', 'email', 'mutual', '2024-08-01T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000030', 'id-000001', 'call', 'outbound', '2024-08-18T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000031', 'id-000001', 'meeting', 'inbound', '2024-09-04T11:00:00.000Z', 'Talked about 📚 and “quotes” #16', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000033', 'id-000001', 'letter', 'outbound', '2024-10-08T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000034', 'id-000001', 'social', 'inbound', '2024-10-25T14:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000035', 'id-000001', 'other', 'mutual', '2024-11-11T10:00:00.000Z', 'Talked about 📚 and “quotes” #20', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000036', 'id-000001', 'email', 'outbound', '2024-11-28T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000037', 'id-000001', 'call', 'inbound', '2024-12-15T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000038', 'id-000001', 'meeting', 'mutual', '2025-01-01T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000039', 'id-000001', 'message', 'outbound', '2025-01-18T14:00:00.000Z', 'Talked about 📚 and “quotes” #24', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000040', 'id-000001', 'letter', 'inbound', '2025-02-04T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000041', 'id-000001', 'social', 'mutual', '2025-02-21T11:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000043', 'id-000001', 'email', 'inbound', '2025-03-27T13:00:00.000Z', 'Talked about 📚 and “quotes” #28', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000044', 'id-000001', 'call', 'mutual', '2025-04-13T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000045', 'id-000001', 'meeting', 'outbound', '2025-04-30T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000046', 'id-000001', 'message', 'inbound', '2025-05-17T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000047', 'id-000001', 'letter', 'mutual', '2025-06-03T12:00:00.000Z', 'Talked about 📚 and “quotes” #32', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000048', 'id-000001', 'social', 'outbound', '2025-06-20T13:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000049', 'id-000001', 'other', 'inbound', '2025-07-07T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000050', 'id-000001', 'email', 'mutual', '2025-07-24T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000053', 'id-000001', 'message', 'mutual', '2025-09-13T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000054', 'id-000001', 'letter', 'outbound', '2025-09-30T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000055', 'id-000001', 'social', 'inbound', '2025-10-17T10:00:00.000Z', 'Talked about 📚 and “quotes” #40', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000056', 'id-000001', 'other', 'mutual', '2025-11-03T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000057', 'id-000001', 'email', 'outbound', '2025-11-20T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000058', 'id-000001', 'call', 'inbound', '2025-12-07T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000059', 'id-000001', 'meeting', 'mutual', '2025-12-24T14:00:00.000Z', 'Talked about 📚 and “quotes” #44', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000060', 'id-000001', 'message', 'outbound', '2026-01-10T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000061', 'id-000001', 'letter', 'inbound', '2026-01-27T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000063', 'id-000001', 'other', 'outbound', '2026-03-02T13:00:00.000Z', 'Talked about 📚 and “quotes” #48', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000064', 'id-000001', 'email', 'inbound', '2026-03-19T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000065', 'id-000001', 'call', 'mutual', '2026-04-05T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000066', 'id-000001', 'meeting', 'outbound', '2026-04-22T11:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000067', 'id-000001', 'message', 'inbound', '2026-05-09T12:00:00.000Z', 'Talked about 📚 and “quotes” #52', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000068', 'id-000001', 'letter', 'mutual', '2026-05-26T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000069', 'id-000001', 'social', 'outbound', '2026-06-12T14:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000070', 'id-000001', 'other', 'inbound', '2026-06-29T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000071', 'id-000001', 'email', 'mutual', '2026-07-16T11:00:00.000Z', 'Talked about 📚 and “quotes” #56', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000073', 'id-000001', 'meeting', 'inbound', '2026-08-19T13:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000074', 'id-000001', 'message', 'mutual', '2026-09-05T14:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000075', 'id-000001', 'email', 'outbound', '2026-10-27T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000076', 'id-000001', 'email', 'outbound', '2026-11-06T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000077', 'id-000001', 'email', 'outbound', '2026-11-16T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000080', 'id-000001', 'email', 'outbound', '2026-12-06T10:00:00.000Z', 'Send the article', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000082', 'id-000001', 'call', 'mutual', '2026-12-06T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000072', 'id-000001', 'call', 'outbound', '2026-08-02T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000062', 'id-000001', 'social', 'mutual', '2026-02-13T12:00:00.000Z', '', 0, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000052', 'id-000001', 'meeting', 'inbound', '2025-08-27T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000051', 'id-000001', 'call', 'outbound', '2025-08-10T11:00:00.000Z', 'Talked about 📚 and “quotes” #36', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000042', 'id-000001', 'other', 'outbound', '2025-03-10T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000032', 'id-000001', 'message', 'mutual', '2024-09-21T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000022', 'id-000001', 'email', 'inbound', '2024-04-04T12:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.interaction VALUES ('id-000091', 'id-000002', 'call', 'mutual', '2026-12-01T10:00:00.000Z', '', 1, 'manual', '2026-12-06T10:00:00.000Z', '2026-12-06T10:00:00.000Z');


--
-- Data for Name: interaction_contact; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000015', 'id-000005', '2023-12-07T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000015', 'id-000006', '2023-12-07T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000016', 'id-000006', '2023-12-24T11:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000017', 'id-000007', '2024-01-10T12:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000018', 'id-000008', '2024-01-27T13:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000019', 'id-000009', '2024-02-13T14:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000020', 'id-000010', '2024-03-01T10:00:00.000Z', 'mutual', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000021', 'id-000011', '2024-03-18T11:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000023', 'id-000013', '2024-04-21T13:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000024', 'id-000014', '2024-05-08T14:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000024', 'id-000005', '2024-05-08T14:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000025', 'id-000005', '2024-05-25T10:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000026', 'id-000006', '2024-06-11T11:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000027', 'id-000007', '2024-06-28T12:00:00.000Z', 'outbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000028', 'id-000008', '2024-07-15T13:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000029', 'id-000009', '2024-08-01T14:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000030', 'id-000010', '2024-08-18T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000031', 'id-000011', '2024-09-04T11:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000033', 'id-000013', '2024-10-08T13:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000033', 'id-000014', '2024-10-08T13:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000034', 'id-000014', '2024-10-25T14:00:00.000Z', 'inbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000035', 'id-000005', '2024-11-11T10:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000036', 'id-000006', '2024-11-28T11:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000037', 'id-000007', '2024-12-15T12:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000038', 'id-000008', '2025-01-01T13:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000039', 'id-000009', '2025-01-18T14:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000040', 'id-000010', '2025-02-04T10:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000041', 'id-000011', '2025-02-21T11:00:00.000Z', 'mutual', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000043', 'id-000013', '2025-03-27T13:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000044', 'id-000014', '2025-04-13T14:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000045', 'id-000005', '2025-04-30T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000046', 'id-000006', '2025-05-17T11:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000047', 'id-000007', '2025-06-03T12:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000048', 'id-000008', '2025-06-20T13:00:00.000Z', 'outbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000049', 'id-000009', '2025-07-07T14:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000050', 'id-000010', '2025-07-24T10:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000053', 'id-000013', '2025-09-13T13:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000054', 'id-000014', '2025-09-30T14:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000055', 'id-000005', '2025-10-17T10:00:00.000Z', 'inbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000056', 'id-000006', '2025-11-03T11:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000057', 'id-000007', '2025-11-20T12:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000058', 'id-000008', '2025-12-07T13:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000059', 'id-000009', '2025-12-24T14:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000060', 'id-000010', '2026-01-10T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000060', 'id-000011', '2026-01-10T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000061', 'id-000011', '2026-01-27T11:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000063', 'id-000013', '2026-03-02T13:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000064', 'id-000014', '2026-03-19T14:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000065', 'id-000005', '2026-04-05T10:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000066', 'id-000006', '2026-04-22T11:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000067', 'id-000007', '2026-05-09T12:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000068', 'id-000008', '2026-05-26T13:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000069', 'id-000009', '2026-06-12T14:00:00.000Z', 'outbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000069', 'id-000010', '2026-06-12T14:00:00.000Z', 'outbound', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000070', 'id-000010', '2026-06-29T10:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000071', 'id-000011', '2026-07-16T11:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000073', 'id-000013', '2026-08-19T13:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000074', 'id-000014', '2026-09-05T14:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000075', 'id-000008', '2026-10-27T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000076', 'id-000008', '2026-11-06T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000077', 'id-000008', '2026-11-16T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000080', 'id-000006', '2026-12-06T10:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000082', 'id-000005', '2026-12-06T10:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000072', 'id-000011', '2026-08-02T12:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000062', 'id-000011', '2026-02-13T12:00:00.000Z', 'mutual', 0);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000052', 'id-000011', '2025-08-27T12:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000051', 'id-000011', '2025-08-10T11:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000042', 'id-000011', '2025-03-10T12:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000042', 'id-000013', '2025-03-10T12:00:00.000Z', 'outbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000032', 'id-000011', '2024-09-21T12:00:00.000Z', 'mutual', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000001', 'id-000022', 'id-000011', '2024-04-04T12:00:00.000Z', 'inbound', 1);
INSERT INTO kith_snapshot.interaction_contact VALUES ('id-000002', 'id-000091', 'id-000090', '2026-12-01T10:00:00.000Z', 'mutual', 1);


--
-- Data for Name: kysely_migration; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.kysely_migration VALUES ('0001-core', '2026-12-06T18:33:22.077Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0002-auth', '2026-12-06T18:33:22.140Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0003-engine', '2026-12-06T18:33:22.171Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0004-due-rank', '2026-12-06T18:33:22.184Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0005-imports', '2026-12-06T18:33:22.221Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0006-delivery', '2026-12-06T18:33:22.258Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0007-contact-sorts', '2026-12-06T18:33:22.265Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0008-webhooks', '2026-12-06T18:33:22.283Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0009-replies', '2026-12-06T18:33:22.308Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0010-import-jobs', '2026-12-06T18:33:22.347Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0011-habit-weeks', '2026-12-06T18:33:22.354Z');
INSERT INTO kith_snapshot.kysely_migration VALUES ('0012-import-read-points', '2026-12-06T18:33:22.364Z');


--
-- Data for Name: kysely_migration_lock; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.kysely_migration_lock VALUES ('migration_lock', 0);


--
-- Data for Name: membership; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot.membership VALUES ('id-000001', 'user-ana', 'owner', '2026-12-06T10:00:00.000Z');
INSERT INTO kith_snapshot.membership VALUES ('id-000002', 'user-bo', 'owner', '2026-12-06T10:00:00.000Z');


--
-- Data for Name: notify_setting; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: rate_limit; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: reply_answer; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: session; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: user; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--

INSERT INTO kith_snapshot."user" VALUES ('user-ana', 'Ana Ñúñez', 'ana@example.test', false, NULL, '2026-01-01 00:00:00+00', '2026-01-01 00:00:00+00');
INSERT INTO kith_snapshot."user" VALUES ('user-bo', 'Bo', 'bo@example.test', false, NULL, '2026-01-01 00:00:00+00', '2026-01-01 00:00:00+00');


--
-- Data for Name: verification; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Data for Name: webhook; Type: TABLE DATA; Schema: kith_snapshot; Owner: -
--



--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: api_token api_token_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.api_token
    ADD CONSTRAINT api_token_pkey PRIMARY KEY (id);


--
-- Name: api_token api_token_token_hash_key; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.api_token
    ADD CONSTRAINT api_token_token_hash_key UNIQUE (token_hash);


--
-- Name: auth_account auth_account_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.auth_account
    ADD CONSTRAINT auth_account_pkey PRIMARY KEY (id);


--
-- Name: calendar_feed calendar_feed_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.calendar_feed
    ADD CONSTRAINT calendar_feed_pk PRIMARY KEY (account_id, user_id);


--
-- Name: calendar_feed calendar_feed_token_hash_key; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.calendar_feed
    ADD CONSTRAINT calendar_feed_token_hash_key UNIQUE (token_hash);


--
-- Name: company company_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.company
    ADD CONSTRAINT company_pkey PRIMARY KEY (id);


--
-- Name: contact_merge contact_merge_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact_merge
    ADD CONSTRAINT contact_merge_pkey PRIMARY KEY (id);


--
-- Name: contact contact_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact
    ADD CONSTRAINT contact_pkey PRIMARY KEY (id);


--
-- Name: contact_tag contact_tag_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact_tag
    ADD CONSTRAINT contact_tag_pk PRIMARY KEY (contact_id, tag);


--
-- Name: delivery delivery_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.delivery
    ADD CONSTRAINT delivery_pk PRIMARY KEY (account_id, kind, period);


--
-- Name: digest_record digest_record_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.digest_record
    ADD CONSTRAINT digest_record_pk PRIMARY KEY (account_id, kind, period);


--
-- Name: follow_up follow_up_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.follow_up
    ADD CONSTRAINT follow_up_pkey PRIMARY KEY (id);


--
-- Name: import_job_chunk import_job_chunk_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_chunk
    ADD CONSTRAINT import_job_chunk_pk PRIMARY KEY (job_id, start_row);


--
-- Name: import_job_file import_job_file_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_file
    ADD CONSTRAINT import_job_file_pkey PRIMARY KEY (job_id);


--
-- Name: import_job import_job_next_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job
    ADD CONSTRAINT import_job_next_pkey PRIMARY KEY (id);


--
-- Name: interaction_contact interaction_contact_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.interaction_contact
    ADD CONSTRAINT interaction_contact_pk PRIMARY KEY (interaction_id, contact_id);


--
-- Name: interaction interaction_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.interaction
    ADD CONSTRAINT interaction_pkey PRIMARY KEY (id);


--
-- Name: kysely_migration_lock kysely_migration_lock_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.kysely_migration_lock
    ADD CONSTRAINT kysely_migration_lock_pkey PRIMARY KEY (id);


--
-- Name: kysely_migration kysely_migration_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.kysely_migration
    ADD CONSTRAINT kysely_migration_pkey PRIMARY KEY (name);


--
-- Name: membership membership_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.membership
    ADD CONSTRAINT membership_pk PRIMARY KEY (account_id, user_id);


--
-- Name: notify_setting notify_setting_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.notify_setting
    ADD CONSTRAINT notify_setting_pkey PRIMARY KEY (account_id);


--
-- Name: rate_limit rate_limit_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.rate_limit
    ADD CONSTRAINT rate_limit_pkey PRIMARY KEY (key);


--
-- Name: reply_answer reply_answer_pk; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.reply_answer
    ADD CONSTRAINT reply_answer_pk PRIMARY KEY (account_id, reply_key);


--
-- Name: session session_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.session
    ADD CONSTRAINT session_pkey PRIMARY KEY (id);


--
-- Name: session session_token_key; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.session
    ADD CONSTRAINT session_token_key UNIQUE (token);


--
-- Name: user user_email_key; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot."user"
    ADD CONSTRAINT user_email_key UNIQUE (email);


--
-- Name: user user_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);


--
-- Name: verification verification_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.verification
    ADD CONSTRAINT verification_pkey PRIMARY KEY (id);


--
-- Name: webhook webhook_pkey; Type: CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.webhook
    ADD CONSTRAINT webhook_pkey PRIMARY KEY (id);


--
-- Name: api_token_member; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX api_token_member ON kith_snapshot.api_token USING btree (account_id, user_id);


--
-- Name: auth_account_userId_idx; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX "auth_account_userId_idx" ON kith_snapshot.auth_account USING btree ("userId");


--
-- Name: company_account_name; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX company_account_name ON kith_snapshot.company USING btree (account_id, name, id);


--
-- Name: contact_account_company; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_account_company ON kith_snapshot.contact USING btree (account_id, company_id);


--
-- Name: contact_account_last_touch; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_account_last_touch ON kith_snapshot.contact USING btree (account_id, last_touch_at);


--
-- Name: contact_account_next_due; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_account_next_due ON kith_snapshot.contact USING btree (account_id, next_due_on);


--
-- Name: contact_account_recompute; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_account_recompute ON kith_snapshot.contact USING btree (account_id, recompute_on);


--
-- Name: contact_account_sort; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_account_sort ON kith_snapshot.contact USING btree (account_id, sort_name, id);


--
-- Name: contact_due_rank; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_due_rank ON kith_snapshot.contact USING btree (account_id, due_priority DESC, next_due_on, id COLLATE "C");


--
-- Name: contact_merge_account_kept; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_merge_account_kept ON kith_snapshot.contact_merge USING btree (account_id, kept_id);


--
-- Name: contact_search; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_search ON kith_snapshot.contact USING gin (to_tsvector('simple'::regconfig, search_text));


--
-- Name: contact_sort_last_touch; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_sort_last_touch ON kith_snapshot.contact USING btree (account_id, COALESCE(last_touch_at, ''::text), id);


--
-- Name: contact_sort_next_due; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_sort_next_due ON kith_snapshot.contact USING btree (account_id, COALESCE(next_due_on, '9999-12-31'::text), id);


--
-- Name: contact_tag_lookup; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX contact_tag_lookup ON kith_snapshot.contact_tag USING btree (account_id, tag, contact_id);


--
-- Name: delivery_account_updated; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX delivery_account_updated ON kith_snapshot.delivery USING btree (account_id, updated_at);


--
-- Name: delivery_retry_due; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX delivery_retry_due ON kith_snapshot.delivery USING btree (next_attempt_at, account_id, kind, period) WHERE (status = 'pending'::text);


--
-- Name: follow_up_account_due; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX follow_up_account_due ON kith_snapshot.follow_up USING btree (account_id, status, due_on, id);


--
-- Name: follow_up_completed; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX follow_up_completed ON kith_snapshot.follow_up USING btree (account_id, completed_at);


--
-- Name: follow_up_contact; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX follow_up_contact ON kith_snapshot.follow_up USING btree (account_id, contact_id);


--
-- Name: follow_up_contact_status; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX follow_up_contact_status ON kith_snapshot.follow_up USING btree (account_id, contact_id, status);


--
-- Name: import_job_account_created; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX import_job_account_created ON kith_snapshot.import_job USING btree (account_id, created_at);


--
-- Name: import_job_claimable; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX import_job_claimable ON kith_snapshot.import_job USING btree (status, lease_until_at);


--
-- Name: interaction_account_occurred; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX interaction_account_occurred ON kith_snapshot.interaction USING btree (account_id, occurred_at, id);


--
-- Name: interaction_contact_timeline; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX interaction_contact_timeline ON kith_snapshot.interaction_contact USING btree (account_id, contact_id, occurred_at, interaction_id);


--
-- Name: interaction_reach_outs; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX interaction_reach_outs ON kith_snapshot.interaction USING btree (account_id, occurred_at, direction, meaningful);


--
-- Name: membership_user; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX membership_user ON kith_snapshot.membership USING btree (user_id);


--
-- Name: session_userId_idx; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX "session_userId_idx" ON kith_snapshot.session USING btree ("userId");


--
-- Name: verification_identifier_idx; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX verification_identifier_idx ON kith_snapshot.verification USING btree (identifier);


--
-- Name: webhook_account_created; Type: INDEX; Schema: kith_snapshot; Owner: -
--

CREATE INDEX webhook_account_created ON kith_snapshot.webhook USING btree (account_id, created_at);


--
-- Name: follow_up follow_up_habit; Type: TRIGGER; Schema: kith_snapshot; Owner: -
--

CREATE TRIGGER follow_up_habit AFTER INSERT OR DELETE OR UPDATE ON kith_snapshot.follow_up FOR EACH ROW EXECUTE FUNCTION kith_snapshot.follow_up_habit_clear();


--
-- Name: interaction interaction_habit; Type: TRIGGER; Schema: kith_snapshot; Owner: -
--

CREATE TRIGGER interaction_habit AFTER INSERT OR DELETE OR UPDATE ON kith_snapshot.interaction FOR EACH ROW EXECUTE FUNCTION kith_snapshot.interaction_habit_clear();


--
-- Name: api_token api_token_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.api_token
    ADD CONSTRAINT api_token_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: auth_account auth_account_userId_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.auth_account
    ADD CONSTRAINT "auth_account_userId_fkey" FOREIGN KEY ("userId") REFERENCES kith_snapshot."user"(id) ON DELETE CASCADE;


--
-- Name: calendar_feed calendar_feed_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.calendar_feed
    ADD CONSTRAINT calendar_feed_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: company company_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.company
    ADD CONSTRAINT company_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: contact contact_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact
    ADD CONSTRAINT contact_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: contact contact_company_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact
    ADD CONSTRAINT contact_company_id_fkey FOREIGN KEY (company_id) REFERENCES kith_snapshot.company(id) ON DELETE SET NULL;


--
-- Name: contact_merge contact_merge_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact_merge
    ADD CONSTRAINT contact_merge_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: contact_tag contact_tag_contact_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.contact_tag
    ADD CONSTRAINT contact_tag_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES kith_snapshot.contact(id) ON DELETE CASCADE;


--
-- Name: delivery delivery_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.delivery
    ADD CONSTRAINT delivery_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: digest_record digest_record_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.digest_record
    ADD CONSTRAINT digest_record_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: follow_up follow_up_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.follow_up
    ADD CONSTRAINT follow_up_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: follow_up follow_up_contact_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.follow_up
    ADD CONSTRAINT follow_up_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES kith_snapshot.contact(id) ON DELETE CASCADE;


--
-- Name: follow_up follow_up_interaction_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.follow_up
    ADD CONSTRAINT follow_up_interaction_id_fkey FOREIGN KEY (interaction_id) REFERENCES kith_snapshot.interaction(id) ON DELETE SET NULL;


--
-- Name: import_job_chunk import_job_chunk_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_chunk
    ADD CONSTRAINT import_job_chunk_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: import_job_chunk import_job_chunk_job_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_chunk
    ADD CONSTRAINT import_job_chunk_job_id_fkey FOREIGN KEY (job_id) REFERENCES kith_snapshot.import_job(id) ON DELETE CASCADE;


--
-- Name: import_job_file import_job_file_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_file
    ADD CONSTRAINT import_job_file_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: import_job_file import_job_file_job_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job_file
    ADD CONSTRAINT import_job_file_job_id_fkey FOREIGN KEY (job_id) REFERENCES kith_snapshot.import_job(id) ON DELETE CASCADE;


--
-- Name: import_job import_job_next_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.import_job
    ADD CONSTRAINT import_job_next_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: interaction interaction_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.interaction
    ADD CONSTRAINT interaction_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: interaction_contact interaction_contact_contact_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.interaction_contact
    ADD CONSTRAINT interaction_contact_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES kith_snapshot.contact(id) ON DELETE CASCADE;


--
-- Name: interaction_contact interaction_contact_interaction_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.interaction_contact
    ADD CONSTRAINT interaction_contact_interaction_id_fkey FOREIGN KEY (interaction_id) REFERENCES kith_snapshot.interaction(id) ON DELETE CASCADE;


--
-- Name: membership membership_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.membership
    ADD CONSTRAINT membership_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: notify_setting notify_setting_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.notify_setting
    ADD CONSTRAINT notify_setting_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: reply_answer reply_answer_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.reply_answer
    ADD CONSTRAINT reply_answer_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- Name: session session_userId_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.session
    ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES kith_snapshot."user"(id) ON DELETE CASCADE;


--
-- Name: webhook webhook_account_id_fkey; Type: FK CONSTRAINT; Schema: kith_snapshot; Owner: -
--

ALTER TABLE ONLY kith_snapshot.webhook
    ADD CONSTRAINT webhook_account_id_fkey FOREIGN KEY (account_id) REFERENCES kith_snapshot.account(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict vsCxEbrq2DbvZDBRLLeyD3yhCw5vzQfjgDy6erqqHGbJUPKKZNwOIewYVk0ZdID

