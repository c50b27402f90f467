/* MICS 34 — the public site's behaviour. Loaded with `defer`; everything works without it:
   the menu stays open, videos are reachable by their plain link. */
(function () {
    "use strict";

    var root = document.documentElement;
    root.classList.remove("no-js");
    root.classList.add("js");

    /* Main menu: folds behind its button on small screens. */
    var toggle = document.querySelector("[data-menu-toggle]");
    var menu = document.querySelector("[data-menu]");
    if (toggle && menu) {
        toggle.hidden = false;
        var setOpen = function (open) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            menu.classList.toggle("is-open", open);
        };
        setOpen(false);
        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    /* Videos: nothing is requested from the provider until the visitor asks for it. */
    document.querySelectorAll("[data-video]").forEach(function (container) {
        var button = container.querySelector("[data-video-load]");
        var url = container.getAttribute("data-embed-url");
        if (!button || !url) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            var separator = url.indexOf("?") === -1 ? "?" : "&";
            frame.src = url + separator + "autoplay=1";
            frame.title = container.getAttribute("data-video-title") || "";
            frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
            frame.referrerPolicy = "strict-origin-when-cross-origin";
            container.replaceChildren(frame);
            container.classList.add("is-loaded");
            frame.focus();
        });
    });

    /* Form errors: take keyboard and screen-reader users straight to the summary. */
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }

    /* Print the answers of folded sections too. */
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details:not([open])").forEach(function (details) {
            details.setAttribute("open", "");
            details.setAttribute("data-print-opened", "");
        });
    });
    window.addEventListener("afterprint", function () {
        document.querySelectorAll("details[data-print-opened]").forEach(function (details) {
            details.removeAttribute("open");
            details.removeAttribute("data-print-opened");
        });
    });
})();
