/* The facility map: an enhancement drawn with the portal's own copy of Leaflet, only on
   pages where the operator set a tile server (SALA_MAP_TILE_URL). Markers come from the
   directory's GeoJSON export, or from the page's own coordinates on a facility page. */
(function () {
  "use strict";

  var element = document.querySelector("[data-geo-map]");
  if (!element || !window.L) return;
  var L = window.L;
  var data = element.dataset;
  var language = (document.documentElement.lang || "km").indexOf("en") === 0 ? "en" : "km";

  function popup(name, url) {
    var link = document.createElement("a");
    link.href = url;
    link.textContent = name;
    return link;
  }

  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  L.tileLayer(data.tiles, { maxZoom: 18, attribution: data.attribution }).addTo(map);

  if (data.latitude && data.longitude) {
    var point = [parseFloat(data.latitude), parseFloat(data.longitude)];
    L.marker(point, { title: data.label, alt: data.label }).addTo(map);
    map.setView(point, 15);
    return;
  }
  map.setView([12.6, 104.9], 7);
  fetch(data.geojson, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          var props = feature.properties;
          var name = props["name_" + language] || props.name_km || props.name_en;
          return L.marker(latlng, { title: name, alt: name }).bindPopup(popup(name, props.url));
        },
      }).addTo(map);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { maxZoom: 15, padding: [20, 20] });
    })
    .catch(function () { element.hidden = true; });
})();
