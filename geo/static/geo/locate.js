/* The directory's "Use my location": fills `near` (latitude,longitude) from the browser
   and submits the filter form, which sorts the list by distance. Enhancement only: the
   button stays hidden without JavaScript or geolocation, and `near` can be typed. */
(function () {
  "use strict";

  /* "Use my location": fills `near` (lat,lng) and submits the directory's filter form. */
  function enhanceLocateButton(button) {
    if (!("geolocation" in navigator)) return;
    var form = button.form;
    var field = form.elements.namedItem("near");
    var status = document.getElementById(button.dataset.status);
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      if (status) status.textContent = button.dataset.waiting || "";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          field.value =
            position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
          form.submit();
        },
        function () {
          button.disabled = false;
          if (status) status.textContent = button.dataset.failed || "";
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
      );
    });
  }

  var locate = document.querySelector("[data-geo-locate]");
  if (locate) enhanceLocateButton(locate);
})();
