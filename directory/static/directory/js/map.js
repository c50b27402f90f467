/* The directory's maps, drawn by Leaflet (served by the site itself) on a base layer of the Hérault's
   commune outlines: no tile server, unless the site names one (MAP_TILES_URL, in data-tiles-url), whose
   tiles then lie under the see-through outlines. The directory map clusters the actors of the current search
   and opens a commune's facilitator when the commune is clicked; an actor's page shows its place.
   Everything on the map is also in the page's text (the list, the contact details). */
(function () {
    "use strict";

    if (!window.L) {
        return;
    }
    var OUTLINE = { color: "#5b6b82", weight: 0.6, fillColor: "#eef2f7", fillOpacity: 1 };
    var HOVER = { color: "#1f3a68", weight: 2, fillColor: "#d6e0ee" };
    // Over a tile layer the outlines let the tiles show through.
    var OVER_TILES = { fillOpacity: 0.15 };

    function outlineStyle(element) {
        return element.getAttribute("data-tiles-url") ? L.extend({}, OUTLINE, OVER_TILES) : OUTLINE;
    }

    function addTiles(map, element) {
        // Its attribution is in the figure's caption, as text.
        var url = element.getAttribute("data-tiles-url");
        if (url) {
            L.tileLayer(url, { maxZoom: 19 }).addTo(map);
        }
    }

    function baseMap(element) {
        return L.map(element, {
            attributionControl: false,
            zoomSnap: 0.25,
            minZoom: 7,
            maxZoom: 16
        });
    }

    function getJSON(url) {
        return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        });
    }

    function directoryMap(element) {
        var map = baseMap(element);
        var style = outlineStyle(element);
        var facilitatorUrl = element.getAttribute("data-facilitator-url");
        var communeLabel = element.getAttribute("data-commune-label");
        addTiles(map, element);
        getJSON(element.getAttribute("data-outlines-url")).then(function (outlines) {
            var layer = L.geoJSON(outlines, {
                style: function () { return style; },
                onEachFeature: function (feature, shape) {
                    var name = feature.properties.nom;
                    shape.bindTooltip(name, { sticky: true });
                    shape.on("mouseover", function () { shape.setStyle(HOVER); });
                    shape.on("mouseout", function () { layer.resetStyle(shape); });
                    shape.on("click", function () {
                        window.location.href = facilitatorUrl + "?commune=" + encodeURIComponent(feature.properties.code);
                    });
                    shape.feature.properties.label = communeLabel.replace("%(commune)s", name);
                }
            }).addTo(map);
            map.fitBounds(layer.getBounds());
            element.setAttribute("data-outlines-ready", "true");
            return getJSON(element.getAttribute("data-points-url"));
        }).then(function (data) {
            var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
            data.points.forEach(function (point) {
                var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name });
                var popup = document.createElement("div");
                var link = document.createElement("a");
                link.href = point.url;
                link.textContent = point.name;
                var kind = document.createElement("p");
                kind.textContent = (data.kinds || {})[point.kind] || "";
                popup.appendChild(link);
                popup.appendChild(kind);
                marker.bindPopup(popup);
                cluster.addLayer(marker);
            });
            map.addLayer(cluster);
            element.setAttribute("data-points-ready", String(data.points.length));
        }).catch(function () {
            element.setAttribute("data-map-error", "true");
        });
    }

    function actorMap(element) {
        // A picture of the actor's place (role="img"): nothing in it takes focus or a click.
        var map = L.map(element, {
            attributionControl: false,
            zoomControl: false,
            keyboard: false,
            dragging: false,
            scrollWheelZoom: false,
            doubleClickZoom: false,
            boxZoom: false,
            touchZoom: false
        });
        var style = outlineStyle(element);
        addTiles(map, element);
        var point = [parseFloat(element.getAttribute("data-lat")), parseFloat(element.getAttribute("data-lon"))];
        getJSON(element.getAttribute("data-outlines-url")).then(function (outlines) {
            L.geoJSON(outlines, { style: function () { return style; }, interactive: false }).addTo(map);
            L.marker(point, { keyboard: false, interactive: false }).addTo(map);
            map.setView(point, 11);
            element.setAttribute("data-outlines-ready", "true");
        }).catch(function () {
            element.setAttribute("data-map-error", "true");
        });
    }

    document.querySelectorAll("[data-directory-map]").forEach(directoryMap);
    document.querySelectorAll("[data-actor-map]").forEach(actorMap);
})();
