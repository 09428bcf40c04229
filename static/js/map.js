// Draws the portal's maps from the JSON that the page carries (no inline script, CSP-safe).
(function () {
  "use strict";
  var PROVINCE_CENTRE = [21.85, 106.76]; // Lạng Sơn city, when there is nothing to show yet
  function start() {
    var el = document.getElementById("map");
    if (!el || !window.L) { return; }
    var data = JSON.parse(document.getElementById(el.dataset.mapData).textContent);
    // The map never traps the page's scroll: no wheel zoom, and on touch screens one finger
    // scrolls the page (dragging off); two fingers still pinch-zoom, the buttons still zoom.
    var map = L.map(el, { scrollWheelZoom: false, dragging: !L.Browser.mobile, tap: false });
    // detectRetina: on a phone's dense screen, tiles one zoom level finer at half size, sharp
    // instead of blurred (Lighthouse's image-size-responsive).
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 18, detectRetina: true }).addTo(map);
    var bounds = [];
    function link(href, text) {
      var a = document.createElement("a");
      a.href = href; a.textContent = text;
      return a;
    }
    function addMarkers(markers) {
      markers.forEach(function (m) {
        var popup = document.createElement("div");
        popup.appendChild(link(m.url, m.name));
        popup.appendChild(document.createElement("br"));
        popup.appendChild(document.createTextNode(m.status));
        L.circleMarker([m.lat, m.lng], { radius: 9, color: "#fff", weight: 2, fillColor: m.colour, fillOpacity: 0.95 })
          .bindPopup(popup).bindTooltip(m.name).addTo(map);
        bounds.push([m.lat, m.lng]);
      });
    }
    addMarkers(data.markers || []);
    // Border crossings, only where the source gives coordinates (a purple diamond: not a zone).
    (data.places || []).forEach(function (p) {
      var icon = L.divIcon({ className: "crossing-marker", html: "<span></span>", iconSize: [16, 16] });
      L.marker([p.lat, p.lng], { icon: icon, title: p.name, alt: p.name, keyboard: false })
        .bindTooltip(p.name).addTo(map);
      bounds.push([p.lat, p.lng]);
    });
    if (data.markersUrl) {
      // The home page's map loads its markers after the page (every zone: too many to inline).
      fetch(data.markersUrl, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { markers: [] }; })
        .then(function (loaded) { addMarkers(loaded.markers); fit(); el.dataset.loaded = "true"; })
        .catch(function () { el.dataset.failed = "markers"; });
    }
    if (data.boundary) {
      var outline = L.geoJSON(data.boundary, { style: { color: "#0b3d5c", weight: 2, fill: false } }).addTo(map);
      bounds.push(outline.getBounds().getNorthEast(), outline.getBounds().getSouthWest());
    }
    (data.plots || []).forEach(function (p) {
      var popup = document.createElement("div");
      var title = document.createElement("strong");
      title.appendChild(p.url ? link(p.url, p.code) : document.createTextNode(p.code));
      popup.appendChild(title);
      popup.appendChild(document.createTextNode(" · " + p.area + " · " + p.status));
      if (p.inquire) {
        popup.appendChild(document.createElement("br"));
        popup.appendChild(link(p.inquire, data.inquireLabel));
      }
      var layer = L.geoJSON(p.geometry, { style: { color: p.colour, weight: 1, fillColor: p.colour, fillOpacity: 0.45 } })
        .bindPopup(popup).addTo(map);
      bounds.push(layer.getBounds().getNorthEast(), layer.getBounds().getSouthWest());
    });
    // Plots without an outline, at their zone's position: one marker per zone, its plots listed.
    (data.plotMarkers || []).forEach(function (m) {
      var popup = document.createElement("div");
      var title = document.createElement("strong");
      title.textContent = m.name;
      popup.appendChild(title);
      m.plots.forEach(function (p) {
        popup.appendChild(document.createElement("br"));
        popup.appendChild(link(p.url, p.code));
        popup.appendChild(document.createTextNode(" · " + p.area + " · " + p.status));
      });
      var colours = m.plots.map(function (p) { return p.colour; });
      var same = colours.every(function (c) { return c === colours[0]; });
      L.circleMarker([m.lat, m.lng], { radius: 9, color: "#fff", weight: 2, fillColor: same ? colours[0] : "#0b3d5c", fillOpacity: 0.95 })
        .bindPopup(popup).bindTooltip(m.name).addTo(map);
      bounds.push([m.lat, m.lng]);
    });
    // The area the search was narrowed to: drawn, and shown whole (the results lie inside it).
    var box = data.bbox ? [[data.bbox[1], data.bbox[0]], [data.bbox[3], data.bbox[2]]] : null;
    function fit() {
      if (box) { map.fitBounds(box); return; }
      if (data.centre && bounds.length === 0) { bounds.push(data.centre); }
      if (bounds.length === 1) { map.setView(bounds[0], 13); }
      else if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24] }); }
      else { map.setView(PROVINCE_CENTRE, 9); }
    }
    fit();
    if (box) {
      // Drawn once the map has its view: a path added before then would make the map's shared
      // renderer wait behind the plots' outlines, which then draw on a renderer not yet sized.
      L.rectangle(box, { color: "#0b3d5c", weight: 1, dashArray: "4 4", fill: false, interactive: false }).addTo(map);
    }
    if (data.searchArea) { searchThisArea(map, data.searchArea); }
    // The map's state on its element, for the browser tests to wait on (no global to poke).
    el.dataset.zoom = map.getZoom();
    map.on("zoomend", function () { el.dataset.zoom = map.getZoom(); });
    el.dataset.ready = "true";
  }
  // "Search this area": once the visitor has moved the map, a button submits the page's filter
  // form with the visible area as ?bbox=west,south,east,north (the list stays the truth).
  function searchThisArea(map, options) {
    var form = document.getElementById(options.form);
    if (!form) { return; }
    var shown = map.getBounds();
    var button;
    var Control = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        button = L.DomUtil.create("button", "btn btn-primary btn-sm shadow search-area-button");
        button.type = "button";
        button.id = "search-area";
        button.textContent = options.label;
        button.hidden = true;
        L.DomEvent.disableClickPropagation(button);
        L.DomEvent.on(button, "click", submit);
        return button;
      }
    });
    function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }
    function submit() {
      var b = map.getBounds();
      var box = [
        clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)
      ].map(function (n) { return n.toFixed(5); }).join(",");
      var field = form.elements[options.field];
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = options.field;
        form.appendChild(field);
      }
      field.value = box;
      form.submit();
    }
    new Control().addTo(map);
    map.on("moveend", function () {
      if (!map.getBounds().equals(shown)) { button.hidden = false; }
    });
  }
  // Leaflet (40 KB of script to parse, 4 KB of style) loads when the map comes into view, not
  // with the page: on a phone the home page's map is below the fold, and the page is usable
  // before it (Leaflet parsed with the page was the home page's blocking time in Lighthouse).
  // Its stylesheet comes with it, so it never holds up the first paint either.
  function load() {
    var el = document.getElementById("map");
    if (!el) { return; }
    var fetched = false;
    function fetchLeaflet() {
      if (fetched) { return; }
      fetched = true;
      el.dataset.leafletRequested = "true";
      var pending = 2;
      function ready() { pending -= 1; if (pending === 0) { start(); } }
      function failed() { el.dataset.failed = "leaflet"; }
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = el.dataset.leafletCss;
      style.onload = ready;
      style.onerror = failed;
      var script = document.createElement("script");
      script.src = el.dataset.leaflet;
      script.onload = ready;
      script.onerror = failed;
      document.head.appendChild(style);
      document.head.appendChild(script);
    }
    if (!("IntersectionObserver" in window)) { fetchLeaflet(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        fetchLeaflet();
      }
    });
    observer.observe(el);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", load); }
  else { load(); }
})();
