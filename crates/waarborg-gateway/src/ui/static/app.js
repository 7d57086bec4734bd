// Waarborg web UI: progressive enhancement only. Without this script every form still works
// (the server renders the whole page); with it, chat answers stream in as they are generated
// and pages with answers waiting for review refresh themselves.
"use strict";

(function () {
  function conversation() { return document.getElementById("conversation"); }

  // Replaces the conversation with the server's rendering (questions as redacted, citations,
  // provenance, review state).
  async function refresh(url) {
    const r = await fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } });
    if (!r.ok) return false;
    const html = await r.text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.getElementById("conversation");
    const old = conversation();
    if (!fresh || !old) return false;
    old.replaceWith(fresh);
    schedulePoll();
    return true;
  }

  let pollTimer = null;
  function schedulePoll() {
    const form = document.getElementById("ask");
    const conv = conversation();
    if (!form || !conv || pollTimer) return;
    if (conv.dataset.pending === "1") {
      pollTimer = setTimeout(async function () {
        pollTimer = null;
        await refresh(form.dataset.conversation);
      }, 4000);
    }
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function streamAnswer(form, event) {
    const url = form.dataset.stream;
    if (!url || url === "off" || !window.fetch || !window.ReadableStream) return;
    const box = document.getElementById("message");
    const message = box.value.trim();
    if (!message) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form));
    const button = document.getElementById("send");
    button.disabled = true;
    // The typed text is not put on the page: the server sends back the question as it was
    // redacted, so personal data never shows up here.
    box.value = "";
    const conv = conversation();
    const empty = conv.querySelector("li.empty");
    if (empty) empty.remove();
    const li = el("li", "turn");
    const q = el("div", "question");
    q.appendChild(el("span", "who", form.dataset.you));
    const qtext = el("span", "", "…");
    q.appendChild(qtext);
    const a = el("div", "answer streaming");
    a.setAttribute("aria-busy", "true");
    a.appendChild(el("span", "who", form.dataset.assistant));
    const atext = el("span", "", form.dataset.sending);
    a.appendChild(atext);
    li.appendChild(q);
    li.appendChild(a);
    conv.appendChild(li);
    let started = false;
    try {
      const r = await fetch(url, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/event-stream" },
      });
      if (!r.ok || !r.body) throw new Error("status " + r.status);
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buf = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!frame.startsWith("data: ")) continue;
          const data = frame.slice(6);
          if (data === "[DONE]") continue;
          let msg;
          try { msg = JSON.parse(data); } catch (e) { continue; }
          if (msg.waarborg_ui) {
            qtext.textContent = msg.waarborg_ui.question;
            if (msg.waarborg_ui.notice) {
              const n = el("p", "pii-notice notice", msg.waarborg_ui.notice);
              q.after(n);
            }
            continue;
          }
          const delta = msg.choices && msg.choices[0] && msg.choices[0].delta;
          if (delta && delta.content) {
            if (!started) { atext.textContent = ""; started = true; }
            atext.textContent += delta.content;
          }
        }
      }
      await refresh(form.dataset.conversation);
    } catch (e) {
      // Fall back to the plain form: put the question back and post it.
      li.remove();
      box.value = message;
      form.dataset.stream = "off";
      form.submit();
      return;
    } finally {
      button.disabled = false;
    }
    box.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("ask");
    if (form) {
      form.addEventListener("submit", function (e) { streamAnswer(form, e); });
      schedulePoll();
    }
  });
})();
