-- Canned replies: a catalogue per language that supervisors edit; agents find one by typing / and its shortcut.
create table canned_reply (
    reply_id    text        primary key,
    language    text        not null,
    shortcut    text        not null,
    title       text        not null,
    text        text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    unique (language, shortcut)
);

-- A starting catalogue, so a new installation is useful at once; supervisors change or delete it.
-- {customer} and {agent} are filled in by the console with the customer's and the agent's names.
insert into canned_reply (reply_id, language, shortcut, title, text, updated_at, updated_by) values
    ('seed-de-hallo', 'de', 'hallo', 'Begrüßung',
     'Hallo {customer}, ich bin {agent} und kümmere mich jetzt um Ihr Anliegen.', now(), 'setup'),
    ('seed-de-moment', 'de', 'moment', 'Kurz prüfen',
     'Einen Moment bitte, ich sehe mir das gleich genauer an.', now(), 'setup'),
    ('seed-de-kundennummer', 'de', 'kundennummer', 'Nach der Kundennummer fragen',
     'Damit ich Ihr Konto finde: Wie lautet Ihre Kundennummer?', now(), 'setup'),
    ('seed-de-danke', 'de', 'danke', 'Abschluss',
     'Danke für Ihre Geduld! Kann ich sonst noch etwas für Sie tun?', now(), 'setup'),
    ('seed-en-hello', 'en', 'hello', 'Greeting',
     'Hi {customer}, I''m {agent} and I''ll take care of this for you now.', now(), 'setup'),
    ('seed-en-moment', 'en', 'moment', 'Checking',
     'One moment please, I''m looking into this right away.', now(), 'setup'),
    ('seed-en-number', 'en', 'number', 'Ask for the customer number',
     'So I can find your account: what is your customer number?', now(), 'setup'),
    ('seed-en-thanks', 'en', 'thanks', 'Closing',
     'Thanks for your patience! Is there anything else I can do for you?', now(), 'setup');
