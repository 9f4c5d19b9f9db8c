// CarePrep practice page: drafts kept in this browser, optional speech input, timer, read aloud.
(function () {
  "use strict";
  // Drafts are kept per user ("careprep:draft:<user id>:<page>"), so on a shared computer one
  // person never gets another's unsent answer back; site.js removes them all at log-out.
  var ROOT = "careprep:draft:";
  var USER = document.body.getAttribute("data-user") || "anonymous";
  var PREFIX = ROOT + USER + ":";
  var MAX_SECONDS = 7200;

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  // Drafts: saved on every change, restored on load, cleared once feedback exists.
  function setupDraft(form) {
    var key = form.getAttribute("data-draft-key");
    var area = form.querySelector("textarea[name=answer]");
    var ls = store();
    if (!key || !area || !ls) return;
    var full = PREFIX + key;
    var saved = ls.getItem(full);
    if (saved && !area.value.trim()) {
      area.value = saved;
      var note = document.getElementById("draft-restored");
      if (note) note.hidden = false;
    }
    area.addEventListener("input", function () {
      if (area.value.trim()) ls.setItem(full, area.value); else ls.removeItem(full);
    });
    var scope = form.getAttribute("data-draft-scope");  // e.g. "mock:12:" drops older steps
    Object.keys(ls).forEach(function (k) {
      if (k.indexOf(ROOT) !== 0) return;
      if (k.indexOf(PREFIX) !== 0) ls.removeItem(k);  // someone else's, left on this computer
      else if (scope && k.indexOf(PREFIX + scope) === 0 && k !== full) ls.removeItem(k);
    });
  }

  function clearDrafts() {
    var ls = store();
    document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
      if (ls) ls.removeItem(PREFIX + el.getAttribute("data-clear-draft"));
    });
  }

  // Elapsed time: from the first keystroke or the first word spoken.
  function setupTimer(form) {
    var started = null;
    var seconds = form.querySelector("input[name=seconds]");
    var display = form.querySelector("[data-timer]");
    var limit = parseInt(form.getAttribute("data-seconds-limit") || "0", 10);
    var toggle = form.querySelector("#timer-toggle");
    function start() { if (started === null) started = Date.now(); }
    form.addEventListener("input", start);
    form.addEventListener("careprep:speaking", start);
    if (display) {
      window.setInterval(function () {
        if (started === null || (toggle && !toggle.checked)) return;
        var used = Math.floor((Date.now() - started) / 1000);
        var shown = limit ? Math.max(0, limit - used) : used;
        var text = Math.floor(shown / 60) + ":" + String(shown % 60).padStart(2, "0");
        display.textContent = limit ? text + " left" : text;
        if (limit && used >= limit) display.classList.add("over");
      }, 1000);
    }
    form.addEventListener("submit", function () {
      if (seconds && started !== null) {
        seconds.value = Math.min(MAX_SECONDS, Math.round((Date.now() - started) / 1000));
      }
    });
  }

  // Speech recognition, where the browser has it. The transcript stays editable.
  function setupSpeech(form) {
    var button = form.querySelector("[data-speak]");
    var status = form.querySelector("[data-speak-status]");
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    if (!button) return;
    if (!Recognition) {
      if (status) status.textContent = "Speech input is not available in this browser; typing works everywhere.";
      button.hidden = true;
      return;
    }
    var area = form.querySelector("textarea[name=answer]");
    var mode = form.querySelector("input[name=mode]");
    var speaking = form.querySelector("input[name=speaking_seconds]");
    var pausesField = form.querySelector("input[name=pauses]");
    var recognition = new Recognition();
    recognition.continuous = true;
    recognition.interimResults = false;
    recognition.lang = document.documentElement.lang || "en";
    var on = false, startedAt = 0, total = 0, last = 0, pauses = [], heard = false;
    var typedMode = mode.value;
    recognition.onresult = function (event) {
      var now = Date.now();
      heard = true;
      if (last) pauses.push(Math.min(MAX_SECONDS, (now - last) / 1000));
      last = now;
      for (var i = event.resultIndex; i < event.results.length; i++) {
        if (event.results[i].isFinal) {
          var text = event.results[i][0].transcript.trim();
          area.value = (area.value.trim() + " " + text).trim();
          area.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
      form.dispatchEvent(new Event("careprep:speaking"));
    };
    // Errors after which listening cannot go on: the button must go back to "Speak your answer"
    // (it said "Stop speaking" after a refused microphone) and onend must not restart it.
    var FATAL = {
      "not-allowed": "The browser did not allow the microphone. Allow it for this site to speak your answer, or keep typing.",
      "service-not-allowed": "Speech input is switched off in this browser. You can keep typing.",
      "audio-capture": "No microphone was found. You can keep typing.",
      "network": "Speech input needs a network connection in this browser. You can keep typing.",
      "language-not-supported": "Speech input does not support this language here. You can keep typing."
    };
    function stopListening(message) {
      if (on) total += (Date.now() - startedAt) / 1000;
      on = false;
      button.textContent = "Speak your answer"; button.setAttribute("aria-pressed", "false");
      if (status) status.textContent = message;
      speaking.value = Math.min(MAX_SECONDS, total).toFixed(1);
      pausesField.value = JSON.stringify(pauses.slice(0, 500));
    }
    recognition.onend = function () { if (on) recognition.start(); };
    recognition.onerror = function (event) {
      if (!FATAL[event.error]) {
        if (status) status.textContent = "Speech input paused (" + event.error + "). You can keep typing.";
        return;
      }
      stopListening(FATAL[event.error]);
      if (!heard) {  // nothing was spoken: the answer is a typed one, with no speech timings
        mode.value = typedMode; total = 0; speaking.value = ""; pausesField.value = "";
      }
    };
    button.addEventListener("click", function () {
      if (!on) {
        on = true; startedAt = Date.now(); last = 0;
        button.textContent = "Stop speaking"; button.setAttribute("aria-pressed", "true");
        if (status) status.textContent = "Listening… speak your answer; you can edit the text afterwards.";
        mode.value = "spoken";
        recognition.start();
      } else {
        recognition.stop();
        stopListening("Stopped. Edit the transcript if anything is wrong.");
      }
    });
    form.addEventListener("submit", function () {
      if (on) {
        total += (Date.now() - startedAt) / 1000;
        speaking.value = Math.min(MAX_SECONDS, total).toFixed(1);
        pausesField.value = JSON.stringify(pauses.slice(0, 500));
      }
    });
  }

  // Read the question aloud with the browser's own voice.
  function setupReadAloud() {
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      if (!("speechSynthesis" in window)) { button.hidden = true; return; }
      button.addEventListener("click", function () {
        var target = document.getElementById(button.getAttribute("data-read-aloud"));
        window.speechSynthesis.cancel();
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(target.textContent));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    clearDrafts();
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      setupDraft(form); setupTimer(form); setupSpeech(form);
    });
    setupReadAloud();
  });
})();
