// The alert badge's optional sound: a short two-tone beep made with WebAudio (nothing fetched, the intranet has no
// internet), off unless this browser's user turned it on; the choice is kept in localStorage.
const key = "hanoi-workbench.alert-sound";

export function isOn() {
    try { return localStorage.getItem(key) === "on"; } catch { return false; }
}

export function setOn(on) {
    try { localStorage.setItem(key, on ? "on" : "off"); } catch { /* private mode: the choice lasts this page only */ }
    if (on) beep();
    return isOn();
}

let context;
export function beep() {
    const Audio = window.AudioContext || window.webkitAudioContext;
    if (!Audio) return false;
    context = context || new Audio();
    const start = context.currentTime;
    [880, 660].forEach((frequency, i) => {
        const tone = context.createOscillator();
        const gain = context.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.15, start + i * 0.18);
        gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.16);
        tone.connect(gain).connect(context.destination);
        tone.start(start + i * 0.18);
        tone.stop(start + i * 0.18 + 0.17);
    });
    return true;
}
