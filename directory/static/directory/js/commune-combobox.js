/* "Qui peut m'aider ?": communes and EPCI offered while the visitor types, as an ARIA 1.2 combobox
   with a listbox. Choosing one opens its facilitator's page. Progressive enhancement: without this
   script the field is a plain text box whose form the server reads (name, postal code, EPCI). */
(function () {
    "use strict";

    var container = document.querySelector("[data-commune-combobox]");
    if (!container || !window.fetch) {
        return;
    }
    var input = container.querySelector("input");
    var suggestUrl = container.getAttribute("data-suggest-url");
    var goUrl = container.getAttribute("data-go-url");
    var countLabel = container.getAttribute("data-count-label");
    var listId = input.id + "-options";

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", container.parentNode.querySelector("label").textContent);
    list.hidden = true;
    container.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    container.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function choose(item) {
        input.value = item.label;
        close();
        window.location.href = goUrl + "?commune=" + encodeURIComponent(item.code);
    }

    function setActive(index) {
        var options = list.querySelectorAll("[role=option]");
        if (!options.length) {
            return;
        }
        active = (index + options.length) % options.length;
        for (var i = 0; i < options.length; i++) {
            options[i].setAttribute("aria-selected", i === active ? "true" : "false");
        }
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
    }

    function render(results) {
        items = results;
        list.textContent = "";
        results.forEach(function (item, index) {
            var option = document.createElement("li");
            option.id = listId + "-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.className = "autocomplete__option";
            option.textContent = item.label;
            if (item.detail) {
                var detail = document.createElement("span");
                detail.className = "autocomplete__detail";
                detail.textContent = " — " + item.detail;
                option.appendChild(detail);
            }
            option.addEventListener("mousedown", function (event) {
                event.preventDefault();
                choose(item);
            });
            list.appendChild(option);
        });
        status.textContent = countLabel.replace("%(n)s", results.length);
        if (results.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        } else {
            close();
        }
        active = -1;
    }

    function fetchSuggestions() {
        var text = input.value.trim();
        if (text.length < 2) {
            render([]);
            return;
        }
        var request = ++latest;
        fetch(suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) {
                if (request === latest) {
                    render(data.results || []);
                }
            })
            .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
            if (list.hidden) {
                fetchSuggestions();
            } else {
                setActive(active + 1);
            }
            event.preventDefault();
        } else if (event.key === "ArrowUp" && !list.hidden) {
            setActive(active - 1);
            event.preventDefault();
        } else if (event.key === "Enter" && !list.hidden && active >= 0) {
            event.preventDefault();
            choose(items[active]);
        } else if (event.key === "Escape" && !list.hidden) {
            close();
            event.preventDefault();
        }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
})();
