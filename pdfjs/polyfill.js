// What pdf.js 3.11's legacy build uses that Chromium 90 lacks: `.at()` (Chromium 92).
// Plain script syntax: imported by pdf-reader.js and loaded by pdf-worker.js.
(function () {
  var types = [Array, String, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
  for (var k = 0; k < types.length; k++) {
    if (!types[k].prototype.at) {
      Object.defineProperty(types[k].prototype, 'at', {
        configurable: true,
        writable: true,
        value: function (i) {
          var n = Math.trunc(i) || 0;
          if (n < 0) n += this.length;
          return n < 0 || n >= this.length ? undefined : this[n];
        },
      });
    }
  }
})();
