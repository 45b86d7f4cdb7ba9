/* Korean search inside compounds, for Material's search worker (hands-on magazine).
 *
 * This file takes the place of Material's search worker and loads the real one after it.
 * Before the worker builds its lunr index from search_index.json, every section gets one more
 * field, `subwords`: the suffixes of its Korean words that start at an inner Hangul syllable
 * (웨이팅리스트 gives 이팅리스트, 팅리스트, 리스트, 스트), so a prefix query finds words inside
 * compounds. Computing them here keeps them out of the file every reader downloads.
 */
(function () {
  "use strict";
  var SETUP = 0;
  var TAG = /<[^>]*>/g;
  var ENTITY = /&#?\w+;/g;
  var WORD = /[\p{L}\p{N}_]+/gu;

  function isHangul(code) {
    return code >= 0xac00 && code <= 0xd7a3;
  }

  function subwords(text) {
    var plain = text.replace(TAG, " ").replace(ENTITY, " ").toLowerCase();
    var words = new Set(plain.match(WORD) || []);
    var found = new Set();
    words.forEach(function (word) {
      for (var start = 1; start < word.length - 1; start++) {
        if (isHangul(word.charCodeAt(start))) found.add(word.slice(start));
      }
    });
    return Array.from(found).join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== SETUP || message.withSubwords) return;
    event.stopImmediatePropagation();
    var index = message.data;
    index.config.fields.subwords = index.config.fields.subwords || { boost: 0.5 };
    index.docs.forEach(function (doc) {
      var found = subwords((doc.title || "") + " " + (doc.text || ""));
      if (found) doc.subwords = found;
    });
    var expanded = { type: SETUP, data: index, withSubwords: true };
    self.dispatchEvent(new MessageEvent("message", { data: expanded }));
  });

  importScripts(MATERIAL_WORKER);
})();
