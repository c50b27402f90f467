/* Resource hub: on a phone the filters start folded under "Filtrer (n)", so that the first result
   is in view; on a wider screen, or without this script, they stay open. */
(function () {
    "use strict";

    var disclosure = document.querySelector("[data-filters-disclosure]");
    if (disclosure && window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches) {
        disclosure.open = false;
    }
})();
