// The widget's words, in German and English.
(window.TakeoverChat = window.TakeoverChat || {}).texts = {
  en: {
    title: 'Support', greeting: 'Hi there 👋', intro: 'Ask us anything. Our assistant answers right away, and a person from our team takes over whenever you need one.',
    assistant: 'Assistant', botSubtitle: 'Our assistant answers right away', waitingSubtitle: 'A person is on the way',
    agentSubtitle: 'from our support team', teamSubtitle: 'Our support team is with you', you: 'You',
    placeholder: 'Write a message…', send: 'Send', open: 'Open the chat', close: 'Close the chat', minimise: 'Minimise the chat',
    connecting: 'Connecting…', reconnecting: 'Connection lost. Reconnecting…', online: 'Online', refused: 'The chat could not verify who you are. Please reload the page.',
    sending: 'Sending…', waiting: 'Waiting for a person', tooLong: (n) => `A message can have at most ${n.toLocaleString('en')} characters.`,
    slowDown: 'You are sending very fast; your message goes out in a moment.', unavailable: 'The chat is busy for a moment; your message goes out shortly.',
    rateQuestion: 'Your rating', rating: (n) => `${n} of 5`, ratingLabel: (n) => ['not at all satisfied', 'not very satisfied', 'okay', 'satisfied', 'very satisfied'][n - 1],
    thanksRated: (n) => `You rated ${n} of 5`, unread: (n) => `${n} new message${n === 1 ? '' : 's'}`, log: 'Conversation', left: (n) => `${n} characters left`,
  },
  de: {
    title: 'Kundenservice', greeting: 'Hallo 👋', intro: 'Fragen Sie uns alles. Unser Assistent antwortet sofort, und eine Person aus unserem Team übernimmt, wann immer Sie das möchten.',
    assistant: 'Assistent', botSubtitle: 'Unser Assistent antwortet sofort', waitingSubtitle: 'Eine Person ist unterwegs',
    agentSubtitle: 'aus unserem Support-Team', teamSubtitle: 'Unser Support-Team ist für Sie da', you: 'Sie',
    placeholder: 'Nachricht schreiben…', send: 'Senden', open: 'Chat öffnen', close: 'Chat schließen', minimise: 'Chat minimieren',
    connecting: 'Verbinde…', reconnecting: 'Verbindung unterbrochen. Verbinde neu…', online: 'Online', refused: 'Der Chat konnte nicht prüfen, wer Sie sind. Bitte laden Sie die Seite neu.',
    sending: 'Wird gesendet…', waiting: 'Warten auf eine Person', tooLong: (n) => `Eine Nachricht hat höchstens ${n.toLocaleString('de')} Zeichen.`,
    slowDown: 'Sie schreiben sehr schnell; Ihre Nachricht geht gleich hinaus.', unavailable: 'Der Chat ist kurz ausgelastet; Ihre Nachricht geht gleich hinaus.',
    rateQuestion: 'Ihre Bewertung', rating: (n) => `${n} von 5`, ratingLabel: (n) => ['gar nicht zufrieden', 'wenig zufrieden', 'in Ordnung', 'zufrieden', 'sehr zufrieden'][n - 1],
    thanksRated: (n) => `Sie haben mit ${n} von 5 bewertet`, unread: (n) => `${n} neue Nachricht${n === 1 ? '' : 'en'}`, log: 'Unterhaltung', left: (n) => `noch ${n} Zeichen`,
  },
};
