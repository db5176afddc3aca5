// plan-audit serve: the only script of the workbench (the page forbids inline script).
// It follows a running audit (polling /status) and submits a filter form when a choice changes.
"use strict";

function followAudit(box) {
  const bar = document.getElementById("progress-bar");
  const text = document.getElementById("progress-text");
  const tick = () => {
    fetch("/status", { cache: "no-store" })
      .then((answer) => answer.json())
      .then((job) => {
        if (job.state !== "running") {
          window.location.reload();
          return;
        }
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        text.textContent = job.phase === "auditing" ? box.dataset.auditing
          : box.dataset.reading.replace("{done}", job.done).replace("{total}", job.total);
        setTimeout(tick, 600);
      })
      .catch(() => setTimeout(tick, 2000));
  };
  setTimeout(tick, 300);
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("progress");
  if (box) {
    followAudit(box);
  }
  for (const select of document.querySelectorAll("select.autosubmit")) {
    select.addEventListener("change", () => select.form.submit());
  }
});
