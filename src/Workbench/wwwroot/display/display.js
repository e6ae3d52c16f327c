// Lobby display: a plain SignalR client of /hubs/live. It reads its state from /api/display/{code}, joins the branch
// group and re-reads the state on every queue event, on a gap in the branch sequence and after reconnecting. No polling.
(function () {
    "use strict";
    const $ = (id) => document.getElementById(id);
    const parts = location.pathname.split("/").filter(Boolean);
    const code = decodeURIComponent(parts[1] || new URLSearchParams(location.search).get("branch") || "");
    const queueKinds = new Set([0, 1, 2, 9, "TicketChanged", "CounterChanged", "StaffAssigned", "Resync"]);
    const digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    let branchId = null;
    let lastSequence = null;
    let seen = null;            // calls already shown: "ticketId:recalls"
    let highlighted = null;
    let loading = null;
    let again = false;
    const announcements = [];
    let speaking = false;
    let chimeUrl = null;
    let soundAllowed = false;

    tickClock();
    setInterval(tickClock, 1000);
    if (!code) { chooseBranch(); return; }
    start();

    async function start() {
        try {
            await load();
        } catch (err) {
            problem("Không tải được dữ liệu của chi nhánh “" + code + "”. Đang thử lại…");
            setTimeout(start, 5000);
            return;
        }
        connect();
    }

    // ---- State ----
    function load() {
        if (loading) { again = true; return loading; }
        loading = (async () => {
            do {
                again = false;
                const response = await fetch("/api/display/" + encodeURIComponent(code), { cache: "no-store" });
                if (!response.ok) throw new Error("HTTP " + response.status);
                render(await response.json());
            } while (again);
        })().finally(() => { loading = null; });
        return loading;
    }

    function render(state) {
        branchId = state.branchId;
        problem(null);
        document.title = "Màn hình sảnh – " + state.branchName;
        $("branch-name").textContent = state.branchName;
        $("board").hidden = false;

        const fresh = [];
        const keys = new Set(state.current.map(c => c.ticketId + ":" + c.recalls));
        if (seen !== null) {
            // Oldest first, so several calls at once are announced in the order they were made.
            for (const c of [...state.current].reverse()) if (!seen.has(c.ticketId + ":" + c.recalls)) fresh.push(c);
        }
        seen = keys;

        if (fresh.length) highlighted = fresh[fresh.length - 1];
        else if (!highlighted || !state.current.some(c => c.ticketId === highlighted.ticketId)) highlighted = state.current[0] || null;
        showCall(highlighted, fresh.length > 0);
        fresh.forEach(announce);

        $("serving").replaceChildren(...(state.current.length ? [...state.current]
            .sort((a, b) => a.counterNumber - b.counterNumber)
            .map(c => item(c.serving ? "" : "called", [el("span", "Quầy " + c.counterNumber), el("b", c.number)]))
            : [item("empty", [el("span", "Chưa có quầy nào đang gọi số")])]));
        $("recent").replaceChildren(...(state.recent.length ? state.recent
            .map(c => item("", [el("b", c.number), el("span", "Quầy " + c.counterNumber + " · " + time(c.calledAt))]))
            : [item("empty", [el("span", "Chưa có số nào được gọi hôm nay")])]));
        $("groups").replaceChildren(...state.groups.map(g => item("", [
            el("span", g.letter, "letter"),
            el("span", g.name, "name"),
            el("span", g.waiting + " người chờ", "waiting"),
            el("span", g.estimatedMinutes === null ? g.estimateText : "Chờ: " + g.estimateText.toLowerCase(), "estimate"),
        ])));
    }

    function showCall(call, fresh) {
        const box = $("call");
        box.classList.toggle("idle", !call);
        if (!call) {
            $("call-number").textContent = "–";
            $("call-counter").innerHTML = "&nbsp;";
            $("call-text").textContent = "Xin kính chào quý khách";
            return;
        }
        $("call-number").textContent = call.number;
        $("call-counter").textContent = "đến quầy " + call.counterNumber;
        $("call-text").textContent = "Mời số " + call.number + " đến quầy " + call.counterNumber;
        if (fresh) { box.classList.remove("flash"); void box.offsetWidth; box.classList.add("flash"); }
    }

    // ---- Live events ----
    function connect() {
        const connection = new signalR.HubConnectionBuilder()
            .withUrl("/hubs/live")
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(30000, 1000 * Math.pow(2, ctx.previousRetryCount)) })
            .build();
        connection.on("Live", (e) => {
            const resync = e.kind === 9 || e.kind === "Resync";
            const gap = !resync && lastSequence !== null && e.branchSequence !== lastSequence + 1;
            lastSequence = resync ? null : e.branchSequence;
            if (resync || gap || queueKinds.has(e.kind)) load().catch(() => problem("Mất dữ liệu, đang tải lại…"));
        });
        connection.onreconnecting(() => link(false));
        connection.onreconnected(async () => {
            lastSequence = null;
            await join(connection);
            await load();
        });
        connection.onclose(() => { link(false); setTimeout(() => begin(connection), 5000); });
        begin(connection);
    }

    async function begin(connection) {
        try {
            await connection.start();
            await join(connection);
            await load();   // whatever happened between the first read and joining the group
        } catch (err) {
            link(false);
            setTimeout(() => begin(connection), 5000);
        }
    }

    async function join(connection) {
        await connection.invoke("JoinLobby", branchId);
        link(true);
    }

    // ---- Chime and voice ----
    function announce(call) {
        announcements.push(call);
        if (!speaking) next();
    }

    async function next() {
        const call = announcements.shift();
        if (!call) { speaking = false; return; }
        speaking = true;
        try {
            await chime();
            await speak("Mời công dân có số " + spell(call.number) + ", đến quầy số " + call.counterNumber);
        } catch (err) { /* a screen without sound still shows the call */ }
        setTimeout(next, 400);
    }

    function spell(number) {
        return number.replace(/\d/g, d => " " + digits[+d]).trim();
    }

    async function chime() {
        const url = await chimeWav();
        if (!url) return;
        const audio = new Audio(url);
        try {
            await audio.play();
            soundAllowed = true;
            $("sound").hidden = true;
            await new Promise(resolve => { audio.onended = resolve; setTimeout(resolve, 2500); });
        } catch (err) {
            // Autoplay is blocked until someone touches the screen once.
            $("sound").hidden = soundAllowed;
        }
    }

    // A two-tone "ding-dong" rendered offline with the Web Audio API and kept as a WAV file in memory.
    async function chimeWav() {
        if (chimeUrl) return chimeUrl;
        const Offline = window.OfflineAudioContext || window.webkitOfflineAudioContext;
        if (!Offline) return null;
        const rate = 22050, seconds = 1.6;
        const ctx = new Offline(1, rate * seconds, rate);
        [[880, 0], [659.25, 0.55]].forEach(([freq, at]) => {
            const osc = ctx.createOscillator();
            const gain = ctx.createGain();
            osc.type = "sine";
            osc.frequency.value = freq;
            gain.gain.setValueAtTime(0.0001, at);
            gain.gain.exponentialRampToValueAtTime(0.6, at + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.0);
            osc.connect(gain).connect(ctx.destination);
            osc.start(at);
            osc.stop(at + 1.05);
        });
        const buffer = await ctx.startRendering();
        chimeUrl = URL.createObjectURL(new Blob([wav(buffer.getChannelData(0), rate)], { type: "audio/wav" }));
        return chimeUrl;
    }

    function wav(samples, rate) {
        const view = new DataView(new ArrayBuffer(44 + samples.length * 2));
        const text = (at, s) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
        text(0, "RIFF"); view.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE");
        text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
        view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
        text(36, "data"); view.setUint32(40, samples.length * 2, true);
        samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
        return view.buffer;
    }

    function speak(text) {
        return new Promise(resolve => {
            if (!("speechSynthesis" in window)) { resolve(); return; }
            const utterance = new SpeechSynthesisUtterance(text);
            utterance.lang = "vi-VN";
            utterance.rate = 0.9;
            const voice = speechSynthesis.getVoices().find(v => v.lang && v.lang.toLowerCase().startsWith("vi"));
            if (voice) utterance.voice = voice;
            utterance.onend = resolve;
            utterance.onerror = resolve;
            speechSynthesis.speak(utterance);
            setTimeout(resolve, 8000);
        });
    }

    $("sound").addEventListener("click", async () => {
        soundAllowed = true;
        $("sound").hidden = true;
        const url = await chimeWav();
        if (url) new Audio(url).play().catch(() => { });
    });

    // ---- Helpers ----
    function chooseBranch() {
        $("choose").hidden = false;
        fetch("/api/display", { cache: "no-store" }).then(r => r.json()).then(list => {
            $("branches").replaceChildren(...list.map(b => {
                const a = el("a", b.code + " – " + b.name);
                a.href = "/display/" + encodeURIComponent(b.code);
                return item("", [a]);
            }));
        }).catch(() => problem("Không tải được danh sách chi nhánh."));
    }

    function tickClock() {
        const now = new Date();
        $("time").textContent = now.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
        $("date").textContent = now.toLocaleDateString("vi-VN", { weekday: "long", day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
    }

    function time(iso) {
        return new Date(iso).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
    }

    function el(tag, text, cls) {
        const e = document.createElement(tag);
        e.textContent = text;
        if (cls) e.className = cls;
        return e;
    }

    function item(cls, children) {
        const li = document.createElement("li");
        if (cls) li.className = cls;
        li.append(...children);
        return li;
    }

    function link(on) { $("link").classList.toggle("on", on); }

    function problem(text) {
        $("problem").hidden = !text;
        $("problem").textContent = text || "";
    }
})();
