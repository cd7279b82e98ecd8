package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"net/url"
)

// ProductsService manages the network's product catalogue (products tagged in posts and
// pinned to rooms) and its bulk imports. Reach it as Client.Products.
//
// Writes, counts and bulk imports need an admin with the ManageProducts permission; every
// user may read, list and search products. The network's product feature must be on.
type ProductsService struct{ c *Client }

// ProductStatus is whether a product is offered.
type ProductStatus string

// Product states.
const (
	ProductActive   ProductStatus = "active"
	ProductArchived ProductStatus = "archived"
)

// ProductThumbnailMode is how a product's thumbnail is shown.
type ProductThumbnailMode string

// Thumbnail modes.
const (
	ProductThumbnailFit  ProductThumbnailMode = "fit"
	ProductThumbnailFill ProductThumbnailMode = "fill"
)

// ProductImportSource is how a product came into the catalogue.
type ProductImportSource string

// Import sources: manual (Products.Create) or a bulk import, which the spec names csv and
// the vendor's clients import.
const (
	ProductImportManual ProductImportSource = "manual"
	ProductImportCSV    ProductImportSource = "csv"
	ProductImportImport ProductImportSource = "import"
)

// Product is a product of the catalogue.
type Product struct {
	// ID is the product's internal ID (sent in post sideloads); ProductID is the ID the
	// network gave it, the one the calls take.
	ID        string `json:"_id,omitempty"`
	ProductID string `json:"productId"`
	NetworkID string `json:"networkId,omitempty"`
	// ProductName is the product's name.
	ProductName string `json:"productName,omitempty"`
	// ProductURL is the product's page.
	ProductURL string `json:"productUrl,omitempty"`
	// Status is active or archived.
	Status ProductStatus `json:"status,omitempty"`
	// Price is the product's price, nil when it has none; Currency its ISO 4217 code.
	Price    *float64 `json:"price,omitempty"`
	Currency string   `json:"currency,omitempty"`
	// ThumbnailURL is the product's image; ThumbnailMode fit or fill.
	ThumbnailURL  string               `json:"thumbnailUrl,omitempty"`
	ThumbnailMode ProductThumbnailMode `json:"thumbnailMode,omitempty"`
	// ImportSource is manual or a bulk import.
	ImportSource ProductImportSource `json:"importSource,omitempty"`
	// CreatedBy and UpdatedBy are the users who created and last updated the product.
	CreatedBy string `json:"createdBy,omitempty"`
	UpdatedBy string `json:"updatedBy,omitempty"`
	CreatedAt Time   `json:"createdAt"`
	UpdatedAt Time   `json:"updatedAt"`
	IsDeleted bool   `json:"isDeleted,omitempty"`
}

// ProductPayload is the answer of the product calls: {status, data} by the spec, data a
// product or a list of them; the vendor's clients read {products: [...]} instead
// (docs/wire-notes.md). Every form decodes to Products.
type ProductPayload struct {
	rawJSON
	// Status is the answer's status ("success"), when it has one.
	Status string
	// Products are the products (one for a create, get or update).
	Products []Product
	// Paging holds the cursors of a listing or search.
	Paging Paging
}

// UnmarshalJSON decodes the answer forms (see ProductPayload), under the decoding policy.
func (p *ProductPayload) UnmarshalJSON(b []byte) error {
	*p = ProductPayload{}
	var err error
	p.Products, err = dataItems[Product](b, "products", &p.Status, &p.Paging)
	return err
}

func (p *ProductPayload) pageItems() []Product { return p.Products }
func (p *ProductPayload) pageInfo() Paging     { return p.Paging }

// Product returns the first product of the answer (the one a call about one product is
// about), or nil.
func (p *ProductPayload) Product() *Product { return firstOf(p.Products) }

// ProductByID returns the product with the given product ID (else internal ID), or nil.
func (p *ProductPayload) ProductByID(productID string) *Product {
	return findProduct(p.Products, productID)
}

// findProduct finds a product by product ID, else internal ID.
func findProduct(products []Product, productID string) *Product {
	if pr := byID(products, productID, func(x *Product) string { return x.ProductID }); pr != nil {
		return pr
	}
	return byID(products, productID, func(x *Product) string { return x.ID })
}

// dataItems decodes the items of an answer that holds them under "data", an object for one
// item or a list (the spec's {status, data}), or else under key, a list (the form the
// vendor's clients read); it sets *status and *paging from the answer's members of those
// names. Under the decoding policy: data or key of another JSON type than the spec's fails
// the answer, an item's odd member is left zero.
func dataItems[T any](b []byte, key string, status *string, paging *Paging) ([]T, error) {
	var data, alt, pg []byte
	if !objectMembers(b, func(k, val []byte) {
		switch string(k) {
		case "status":
			*status = jsonString(val)
		case "data":
			data = val
		case key:
			alt = val
		case "paging":
			pg = val
		}
	}) {
		return nil, errors.New("amity: the answer is not a JSON object")
	}
	if len(pg) > 0 {
		if err := json.Unmarshal(pg, paging); err != nil {
			return nil, err
		}
	}
	if len(data) == 0 || data[0] == 'n' {
		data = alt
	}
	var items listOrOne[T]
	if err := items.UnmarshalJSON(bytes.TrimSpace(data)); err != nil {
		return nil, err
	}
	return items, nil
}

// productsCall sends r and decodes a product answer holding at least one product.
func productsCall(ctx context.Context, c *Client, r *request) (*ProductPayload, error) {
	return callOne(ctx, c, r, "product", func(p *ProductPayload) []Product { return p.Products })
}

// productPath is the idPath of a product: an ID of 1 to 100 characters.
var productPath = maxLenPath("productID", 100)

// checkURL checks an optional absolute URL (http or https).
func checkURL(op, field, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return &ValidationError{Op: op, Field: field, Reason: "must be an absolute http or https URL"}
	}
	return nil
}

// checkProductFields checks the fields a product's create and update share.
func checkProductFields(op string, price *float64, currency, productURL, thumbnailURL string) error {
	if price != nil && *price < 0 {
		return &ValidationError{Op: op, Field: "Price", Reason: "must not be negative"}
	}
	if currency != "" && len([]rune(currency)) != 3 {
		return &ValidationError{Op: op, Field: "Currency", Reason: "must be an ISO 4217 code of 3 letters"}
	}
	return firstErr(checkURL(op, "ProductURL", productURL), checkURL(op, "ThumbnailURL", thumbnailURL))
}

// CreateProductParams is the body of Products.Create.
type CreateProductParams struct {
	// ProductID (required) is the product's ID, unique in the network (1 to 100 characters).
	ProductID string `json:"productId"`
	// ProductName (required) is 1 to 200 characters.
	ProductName string `json:"productName"`
	// ProductURL (required) is the product's page, an absolute URL.
	ProductURL string `json:"productUrl"`
	// Status (required) is active or archived.
	Status ProductStatus `json:"status"`
	// Price is the product's price, not negative.
	Price *float64 `json:"price,omitempty"`
	// Currency is the price's ISO 4217 code (3 letters).
	Currency string `json:"currency,omitempty"`
	// ThumbnailURL is the product's image, an absolute URL.
	ThumbnailURL string `json:"thumbnailUrl,omitempty"`
	// ThumbnailMode is fit or fill.
	ThumbnailMode ProductThumbnailMode `json:"thumbnailMode,omitempty"`
}

// Create adds a product to the catalogue and returns it. POST /api/v1/products. Not retried
// after it may have reached the server (a create is never repeated; a repeat would be refused
// as a duplicate product ID, hiding the first one's success).
func (s *ProductsService) Create(ctx context.Context, params *CreateProductParams, opts ...CallOption) (*ProductPayload, error) {
	const op = "Products.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "ProductID", params.ProductID),
		maxLen(op, "ProductID", params.ProductID, 100),
		required(op, "ProductName", params.ProductName),
		maxLen(op, "ProductName", params.ProductName, 200),
		required(op, "ProductURL", params.ProductURL),
		required(op, "Status", string(params.Status)),
		checkProductFields(op, params.Price, params.Currency, params.ProductURL, params.ThumbnailURL),
	); err != nil {
		return nil, err
	}
	return productsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/products", body: params, opts: opts})
}

// Get returns a product. GET /api/v1/products/{productId}.
func (s *ProductsService) Get(ctx context.Context, productID string, opts ...CallOption) (*ProductPayload, error) {
	r := &request{op: "Products.Get", method: http.MethodGet, path: "/api/v1/products/%s", opts: opts}
	if err := r.setPath(productPath, productID); err != nil {
		return nil, err
	}
	return productsCall(ctx, s.c, r)
}

// UpdateProductParams changes a product. Nil and empty fields are left as they are; the
// product's ID cannot change.
type UpdateProductParams struct {
	// ProductName is 1 to 200 characters.
	ProductName *string `json:"productName,omitempty"`
	// ProductURL is the product's page, an absolute URL.
	ProductURL *string `json:"productUrl,omitempty"`
	// Status is active or archived.
	Status ProductStatus `json:"status,omitempty"`
	// Price is the product's price, not negative.
	Price *float64 `json:"price,omitempty"`
	// Currency is the price's ISO 4217 code (3 letters).
	Currency *string `json:"currency,omitempty"`
	// ThumbnailURL is the product's image, an absolute URL.
	ThumbnailURL *string `json:"thumbnailUrl,omitempty"`
	// ThumbnailMode is fit or fill.
	ThumbnailMode ProductThumbnailMode `json:"thumbnailMode,omitempty"`
}

// Update changes a product and returns it. PUT /api/v1/products/{productId}. Idempotent by
// construction (it sets the given values; a repeat sets them again), so it is retried like a
// read.
func (s *ProductsService) Update(ctx context.Context, productID string, params *UpdateProductParams, opts ...CallOption) (*ProductPayload, error) {
	const op = "Products.Update"
	path, err := productPath(op, "/api/v1/products/%s", productID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	deref := func(v *string) string {
		if v == nil {
			return ""
		}
		return *v
	}
	checks := []error{
		maxLenPtr(op, "ProductName", params.ProductName, 200),
		checkProductFields(op, params.Price, deref(params.Currency), deref(params.ProductURL), deref(params.ThumbnailURL)),
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"ProductName", params.ProductName}, {"ProductURL", params.ProductURL}, {"Currency", params.Currency}, {"ThumbnailURL", params.ThumbnailURL}} {
		if f.v != nil {
			checks = append(checks, required(op, f.name, *f.v))
		}
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	return productsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts})
}

// DeleteProductsParams names the products Products.Delete deletes.
type DeleteProductsParams struct {
	// ProductIDs (required) are 1 to 100 product IDs of at most 100 characters.
	ProductIDs []string `json:"productIds"`
}

// Delete deletes products from the catalogue (the API keeps them, marked deleted).
// DELETE /api/v1/products with {"productIds"}. Idempotent by construction (a deleted product
// stays deleted; a repeat may answer an error), so it is retried like a read. An answer of
// success: false is an *Error matching ErrUnsuccessful.
func (s *ProductsService) Delete(ctx context.Context, params *DeleteProductsParams, opts ...CallOption) error {
	const op = "Products.Delete"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := idList(op, "ProductIDs", params.ProductIDs, 100, 100); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: "/api/v1/products", body: params, idempotent: true, opts: opts}, nil)
}

// ProductSortBy orders products (and bulk jobs, which the spec sorts the same way).
type ProductSortBy string

// Product orders.
const (
	ProductSortCreatedAt   ProductSortBy = "createdAt"
	ProductSortUpdatedAt   ProductSortBy = "updatedAt"
	ProductSortProductName ProductSortBy = "productName"
)

// ProductSortOrder is an ascending or descending order.
type ProductSortOrder string

// Sort orders.
const (
	ProductSortAsc  ProductSortOrder = "asc"
	ProductSortDesc ProductSortOrder = "desc"
)

// productFilter is the filter and order Products.List and Search share.
type productFilter struct {
	isActive, isDeleted *bool
	sortBy              ProductSortBy
	sortOrder           ProductSortOrder
}

// add puts the filter in q.
func (f productFilter) add(q query) {
	q.boolean("isActive", f.isActive)
	q.boolean("isDeleted", f.isDeleted)
	q.str("sortBy", string(f.sortBy))
	q.str("sortOrder", string(f.sortOrder))
}

// ListProductsParams filters, orders and pages Products.List. The zero value lists every
// product in the server's order.
type ListProductsParams struct {
	PageParams
	// IsActive keeps active products (true) or archived ones (false); nil keeps both.
	IsActive *bool
	// IsDeleted keeps deleted products (true) or the others (false).
	IsDeleted *bool
	// SortBy is createdAt, updatedAt or productName; SortOrder asc or desc.
	SortBy    ProductSortBy
	SortOrder ProductSortOrder
}

func (p *ListProductsParams) query(op string) (query, error) {
	v := *orZero(p)
	q, err := v.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	productFilter{v.IsActive, v.IsDeleted, v.SortBy, v.SortOrder}.add(q)
	return q, nil
}

// List returns an iterator over the products, fetching pages as it goes.
// GET /api/v1/products.
func (s *ProductsService) List(ctx context.Context, params *ListProductsParams, opts ...CallOption) iter.Seq2[Product, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List. GET /api/v1/products.
func (s *ProductsService) ListPages(ctx context.Context, params *ListProductsParams, opts ...CallOption) iter.Seq2[*ProductPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of products. GET /api/v1/products.
func (s *ProductsService) ListPage(ctx context.Context, params *ListProductsParams, opts ...CallOption) (*ProductPayload, error) {
	return listPage[ProductPayload](ctx, s.c, &request{op: "Products.ListPage", method: http.MethodGet, path: "/api/v1/products", opts: opts}, params)
}

// SearchProductsParams filters, orders and pages Products.Search.
type SearchProductsParams struct {
	PageParams
	// Keyword matches the product names (at most 200 characters); empty matches every
	// product.
	Keyword string
	// IsActive keeps active products (true) or archived ones (false); nil keeps both.
	IsActive *bool
	// IsDeleted keeps deleted products (true) or the others (false).
	IsDeleted *bool
	// SortBy is createdAt, updatedAt or productName; SortOrder asc or desc.
	SortBy    ProductSortBy
	SortOrder ProductSortOrder
}

func (p *SearchProductsParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := maxLen(op, "Keyword", v.Keyword, 200); err != nil {
		return nil, err
	}
	q, err := v.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	q.str("keyword", v.Keyword)
	productFilter{v.IsActive, v.IsDeleted, v.SortBy, v.SortOrder}.add(q)
	return q, nil
}

// Search returns an iterator over the products whose names match a keyword, fetching pages
// as it goes. GET /api/v1/products/search.
func (s *ProductsService) Search(ctx context.Context, params *SearchProductsParams, opts ...CallOption) iter.Seq2[Product, error] {
	return listAll(ctx, params, opts, s.SearchPage)
}

// SearchPages returns an iterator over the pages of Search. GET /api/v1/products/search.
func (s *ProductsService) SearchPages(ctx context.Context, params *SearchProductsParams, opts ...CallOption) iter.Seq2[*ProductPayload, error] {
	return pages(ctx, params, opts, s.SearchPage)
}

// SearchPage returns one page of the products whose names match a keyword.
// GET /api/v1/products/search.
func (s *ProductsService) SearchPage(ctx context.Context, params *SearchProductsParams, opts ...CallOption) (*ProductPayload, error) {
	return listPage[ProductPayload](ctx, s.c, &request{op: "Products.SearchPage", method: http.MethodGet, path: "/api/v1/products/search", opts: opts}, params)
}

// ProductCountPayload is the number of products matching Products.Count's filter. It reads
// the spec's {status, data: {count}} and a bare {count}; an answer with neither is an *Error
// matching ErrMalformedResponse, never a count of 0.
type ProductCountPayload struct {
	rawJSON
	Count int
	found bool
}

// UnmarshalJSON decodes both answer forms, under the decoding policy.
func (p *ProductCountPayload) UnmarshalJSON(b []byte) error {
	var w struct {
		Count *int `json:"count"`
		Data  struct {
			Count *int `json:"count"`
		} `json:"data"`
	}
	if err := decodeJSON(b, &w); err != nil {
		return err
	}
	*p = ProductCountPayload{}
	for _, n := range []*int{w.Data.Count, w.Count} {
		if n != nil {
			p.Count, p.found = *n, true
			break
		}
	}
	return nil
}

// CountProductsParams filters Products.Count. The zero value counts every product.
type CountProductsParams struct {
	// Keyword matches the product names (at most 200 characters).
	Keyword string
	// IsActive counts active products (true) or archived ones (false); nil counts both.
	IsActive *bool
	// IsDeleted counts deleted products (true) or the others (false).
	IsDeleted *bool
}

// Count returns the number of products matching a filter. GET /api/v1/products/count.
func (s *ProductsService) Count(ctx context.Context, params *CountProductsParams, opts ...CallOption) (*ProductCountPayload, error) {
	const op = "Products.Count"
	params = orZero(params)
	if err := maxLen(op, "Keyword", params.Keyword, 200); err != nil {
		return nil, err
	}
	q := query{}
	q.str("keyword", params.Keyword)
	q.boolean("isActive", params.IsActive)
	q.boolean("isDeleted", params.IsDeleted)
	r := &request{op: op, method: http.MethodGet, path: "/api/v1/products/count", query: url.Values(q), opts: opts}
	out, err := call[ProductCountPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if !out.found {
		return nil, malformedAnswer(r, "the answer holds no count")
	}
	return out, nil
}

// GetManyProductsParams names the products of Products.GetMany.
type GetManyProductsParams struct {
	// ProductIDs (required) are 1 to 100 product IDs of at most 100 characters.
	ProductIDs []string
}

func (p *GetManyProductsParams) ids() []string { return p.ProductIDs }

// GetMany returns the products with the given IDs, in the order asked; IDs that name no
// product are left out. GET /api/v1/products/list (productIds[]=a&productIds[]=b).
func (s *ProductsService) GetMany(ctx context.Context, params *GetManyProductsParams, opts ...CallOption) (*ProductPayload, error) {
	r := &request{op: "Products.GetMany", method: http.MethodGet, path: "/api/v1/products/list", opts: opts}
	return getMany[ProductPayload](ctx, s.c, r, params, idsQuery{field: "ProductIDs", name: "productIds", maxIDs: 100, maxLen: 100})
}
